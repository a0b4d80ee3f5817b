package org.clinic.appointments.web.param;

import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.faces.convert.FacesConverter;

/** A link's secret token in a URL: URL-safe Base64, at most 64 characters. */
@FacesConverter("param.token")
public class TokenParam extends ViewParameterConverter {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]+");

    public TokenParam() {
        super(64);
    }

    @Override
    protected Optional<String> read(String value) {
        return TOKEN.matcher(value).matches() ? Optional.of(value) : Optional.empty();
    }
}
