package org.clinic.appointments.web.param;

import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.faces.convert.FacesConverter;

/** The id of a doctor, an appointment or a user in a URL: letters, digits, dot, dash and underscore, at most 64. */
@FacesConverter("param.id")
public class IdParam extends ViewParameterConverter {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]+");

    public IdParam() {
        super(64);
    }

    @Override
    protected Optional<String> read(String value) {
        return ID.matcher(value).matches() ? Optional.of(value) : Optional.empty();
    }
}
