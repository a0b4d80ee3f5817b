package org.clinic.appointments.web.param;

import java.util.Arrays;

import jakarta.faces.convert.FacesConverter;

import org.clinic.appointments.domain.AppointmentStatus;

/** An appointment status code in a URL. */
@FacesConverter("param.status")
public class StatusParam extends CodeParam {

    public StatusParam() {
        super(Arrays.stream(AppointmentStatus.values()).map(AppointmentStatus::code).toList());
    }
}
