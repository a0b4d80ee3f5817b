package org.clinic.appointments.domain;

import java.time.LocalDate;
import java.util.Objects;

/** One doctor's slot on one day: the unit that at most one active appointment may own. */
public record SlotKey(String doctorId, LocalDate date, String time) {

    public SlotKey {
        Objects.requireNonNull(doctorId, "doctorId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(time, "time");
    }

    public static SlotKey of(Appointment appointment) {
        return new SlotKey(appointment.getDoctorId(), appointment.getDate(), appointment.getTime());
    }
}
