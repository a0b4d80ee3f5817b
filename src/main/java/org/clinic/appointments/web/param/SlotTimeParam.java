package org.clinic.appointments.web.param;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import jakarta.faces.convert.FacesConverter;

import org.clinic.appointments.domain.ClinicRules;

/** A slot's time in a URL, such as {@code 02:00 PM}; read in its usual spelling. */
@FacesConverter("param.slotTime")
public class SlotTimeParam extends ViewParameterConverter {

    private static final DateTimeFormatter SLOT_TIME = DateTimeFormatter.ofPattern("hh:mm a", Locale.ENGLISH);

    public SlotTimeParam() {
        super(8);
    }

    @Override
    protected Optional<String> read(String value) {
        try {
            return Optional.of(ClinicRules.parseTime(value).format(SLOT_TIME));
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }
}
