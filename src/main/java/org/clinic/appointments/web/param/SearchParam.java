package org.clinic.appointments.web.param;

import java.util.Optional;

import jakarta.faces.convert.FacesConverter;

import org.clinic.appointments.domain.FreeText;

/** Search text in a URL: one line of at most 100 characters, none broken. */
@FacesConverter("param.search")
public class SearchParam extends ViewParameterConverter {

    public static final int MAX = 100;

    public SearchParam() {
        super(MAX * 2);
    }

    @Override
    protected Optional<String> read(String value) {
        return FreeText.lineProblem(value, MAX).isPresent() ? Optional.empty() : Optional.of(value);
    }
}
