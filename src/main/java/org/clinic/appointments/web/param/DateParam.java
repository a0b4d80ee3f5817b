package org.clinic.appointments.web.param;

import java.time.DateTimeException;
import java.util.Optional;

import jakarta.faces.convert.FacesConverter;

import org.clinic.appointments.web.DateParameter;

/** A date in a URL: ISO {@code yyyy-mm-dd}, from 1900 to 100 years ahead. */
@FacesConverter("param.date")
public class DateParam extends ViewParameterConverter {

    public DateParam() {
        super(10);
    }

    @Override
    protected Optional<String> read(String value) {
        try {
            return Optional.of(DateParameter.parse(value).toString());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
