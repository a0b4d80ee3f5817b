package org.clinic.appointments.domain;

import java.time.Instant;
import java.util.Collection;

/**
 * What a patient may hold at once, checked by the store against what it holds now, under the same lock as the
 * write: the open holds, and never two appointments of one patient at the same time.
 */
public record BookingLimits(int maxOpenHolds) {

    public BookingLimits {
        if (maxOpenHolds < 1) {
            throw new IllegalArgumentException("At least one open hold per patient must be allowed");
        }
    }

    /** Refuses a new hold the patient's current appointments leave no room for. */
    public void requireRoomForHold(Appointment candidate, Collection<Appointment> patientAppointments, Instant now) {
        requireNoClash(candidate, patientAppointments, now);
        long openHolds = patientAppointments.stream()
                .filter(a -> a.getStatus() == AppointmentStatus.PENDING_PAYMENT && a.holdsSlot(now))
                .count();
        if (openHolds >= maxOpenHolds) {
            throw new BookingException("booking.holds.too_many", maxOpenHolds);
        }
    }

    /** Refuses a slot at the same date and time as another live appointment of the same patient. */
    public static void requireNoClash(Appointment candidate, Collection<Appointment> patientAppointments,
            Instant now) {
        for (Appointment other : patientAppointments) {
            if (!other.getId().equals(candidate.getId()) && other.holdsSlot(now)
                    && other.getDate().equals(candidate.getDate()) && other.getTime().equals(candidate.getTime())) {
                throw new BookingException("booking.patient.same_time", candidate.getDate(), candidate.getTime());
            }
        }
    }
}
