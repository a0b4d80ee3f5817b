package org.clinic.appointments.web.param;

import java.util.List;

import jakarta.faces.convert.FacesConverter;

/** A sort direction in a URL. */
@FacesConverter("param.order")
public class OrderParam extends CodeParam {

    public OrderParam() {
        super(List.of("asc", "desc"));
    }
}
