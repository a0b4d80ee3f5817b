package org.clinic.appointments.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * A slot just let go, offered to the first patient in its doctor's line who may take it: not the one who let it go,
 * not suspended, and within their limits. The offer is a hold of their own for the offer's time.
 */
public record WaitlistOffer(Appointment appointment, User patient, String requestId) {

    public static Optional<WaitlistOffer> firstTaker(SlotKey slot, String releasedBy, Instant now, Doctor doctor,
            WaitlistTerms terms, List<WaitlistPlace> line, Function<String, Optional<User>> patients,
            Function<String, List<Appointment>> appointmentsOfPatient) {
        for (WaitlistPlace place : line) {
            User patient = patients.apply(place.userId()).orElse(null);
            if (patient == null || patient.isSuspended() || patient.getId().equals(releasedBy)) {
                continue;
            }
            Appointment offer = Appointment.offered(UUID.randomUUID().toString(), patient, doctor, slot,
                    place.request(), doctor.feeOr(terms.clinicFee()), now, now.plus(terms.offerFor()));
            try {
                terms.limits().requireRoomForHold(offer, appointmentsOfPatient.apply(patient.getId()), now);
            } catch (BookingException full) {
                continue;
            }
            return Optional.of(new WaitlistOffer(offer, patient, place.request().getId()));
        }
        return Optional.empty();
    }
}
