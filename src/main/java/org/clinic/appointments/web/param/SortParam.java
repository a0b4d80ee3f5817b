package org.clinic.appointments.web.param;

import java.util.Arrays;

import jakarta.faces.convert.FacesConverter;

import org.clinic.appointments.domain.AppointmentSort;

/** A dashboard sort code in a URL. */
@FacesConverter("param.sort")
public class SortParam extends CodeParam {

    public SortParam() {
        super(Arrays.stream(AppointmentSort.values()).map(AppointmentSort::code).toList());
    }
}
