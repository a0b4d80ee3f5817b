package org.clinic.appointments.web.param;

import java.util.Optional;

import jakarta.faces.convert.FacesConverter;

/** A table's page number in a URL: 1 or more. */
@FacesConverter("param.page")
public class PageParam extends ViewParameterConverter {

    public PageParam() {
        super(6);
    }

    @Override
    protected Optional<String> read(String value) {
        return value.matches("[0-9]+") && Integer.parseInt(value) >= 1
                ? Optional.of(String.valueOf(Integer.parseInt(value))) : Optional.empty();
    }
}
