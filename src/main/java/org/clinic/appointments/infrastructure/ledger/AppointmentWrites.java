package org.clinic.appointments.infrastructure.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.BookingLimits;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.ClinicSchedule;
import org.clinic.appointments.domain.MessagePolicy;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.PatientMove;
import org.clinic.appointments.domain.SlotKey;
import org.clinic.appointments.domain.StoredChange;
import org.clinic.appointments.domain.SlotTakenException;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.domain.WaitlistOffer;
import org.clinic.appointments.domain.WaitlistTerms;

/**
 * Changes to appointments, each checked against what is stored at that instant: a slot has one live owner, a
 * new hold is on a slot the doctor works, and a patient's limits hold. The messages a change causes are queued in
 * the same journal line.
 */
final class AppointmentWrites {

    private final AppointmentIndex appointments;
    private final ClinicRecords clinic;
    private final Commits commits;
    private final Clock clock;
    private final UserIndex users;
    private final WaitlistIndex waitlist;
    private final BiConsumer<ChangeType, User> userCommit;
    /** The clinic's default week: from now on a new hold must be on a slot the doctor works. */
    private volatile ClinicSchedule.DefaultWeek defaultWeek;
    /** How freed slots are offered to waiting patients; none are offered until set. */
    private volatile WaitlistTerms waitlistTerms;

    AppointmentWrites(AppointmentIndex appointments, ClinicRecords clinic, Commits commits, Clock clock,
            UserIndex users, WaitlistIndex waitlist, BiConsumer<ChangeType, User> userCommit) {
        this.appointments = appointments;
        this.clinic = clinic;
        this.commits = commits;
        this.clock = clock;
        this.users = users;
        this.waitlist = waitlist;
        this.userCommit = userCommit;
    }

    void offerFreedSlots(WaitlistTerms terms) {
        this.waitlistTerms = terms;
    }

    void offerOnly(ClinicSchedule.DefaultWeek week) {
        this.defaultWeek = week;
    }

    Appointment hold(Appointment appointment, String actor, BookingLimits limits) {
        Instant now = clock.instant();
        requireFree(appointment, now);
        if (appointments.stored(appointment.getId()) != null) {
            throw new IllegalArgumentException("Appointment " + appointment.getId() + " exists already");
        }
        User patient = users.stored(appointment.getUserId());
        if (patient != null) {
            patient.requireMayHoldAs(actor);
        }
        List<Appointment> patientAppointments = appointments.storedOfPatient(appointment.getUserId());
        if (limits.limitsChangesBy(actor, appointment.getUserId())) {
            limits.requireChangeRate(actor, patientAppointments, now);
        }
        limits.requireRoomForHold(appointment, patientAppointments, now);
        Appointment stored = namedAsStored(appointment);
        commit(now, actor, ChangeType.BOOKED, null, stored);
        return stored.copy();
    }

    /** A change; with {@code ownLimits}, the patient's ({@code actor}'s) own, within their limits as stored now. */
    Appointment change(String id, String actor, ChangeType type, BookingLimits ownLimits,
            UnaryOperator<Appointment> transition) {
        Appointment current = stored(id);
        Appointment next = StoredChange.next(current, ownLimits == null ? null : actor, transition);
        Instant now = clock.instant();
        if (ownLimits != null) {
            ownLimits.requireRoomForOwnChange(current, next, appointments.storedOfPatient(actor), now);
        }
        if (next.holdsSlot(now) && !next.slot().equals(current.slot())) {
            Optional<Appointment> owner = appointments.liveOwner(next.slot(), now);
            if (owner.isPresent() && !owner.get().getId().equals(next.getId())) {
                throw new SlotTakenException(next.slot());
            }
            requireWorked(next);
            BookingLimits.requireNoClash(next, appointments.storedOfPatient(next.getUserId()), now);
        }
        Appointment stored = next.copy();
        commit(now, actor, type, current, stored);
        return stored.copy();
    }

    Appointment moveToPatient(String id, String fromUserId, User into, PatientMove move, String actor) {
        Appointment current = stored(id);
        if (current.getUserId().equals(into.getId())) {
            return current.copy();
        }
        User target = Optional.ofNullable(users.stored(into.getId())).orElse(into);
        move.requireAllowed(users.stored(fromUserId), target);
        Instant now = clock.instant();
        Appointment next = StoredChange.moved(current, fromUserId, into.getId(),
                a -> move.applied(a, target, now, actor));
        Appointment stored = next.copy();
        commit(now, actor, move.changeType(), current, stored);
        return stored.copy();
    }

    Appointment rebook(String cancelledId, String actor, UnaryOperator<Appointment> replacementOf) {
        Appointment cancelled = stored(cancelledId);
        Instant now = clock.instant();
        String newId = Appointment.rebookId(cancelledId);
        if (appointments.stored(newId) == null) {
            Appointment replacement = replacementOf.apply(cancelled.copy());
            if (!newId.equals(replacement.getId())) {
                throw new IllegalArgumentException("A replacement must have the id that follows from " + cancelledId);
            }
            requireFree(replacement, now);
            BookingLimits.requireNoClash(replacement, appointments.storedOfPatient(replacement.getUserId()), now);
            commit(now, actor, ChangeType.BOOKED, null, namedAsStored(replacement));
        }
        if (cancelled.getRebookedAs() == null) {
            commit(now, actor, ChangeType.REBOOKED, cancelled, cancelled.rebooked(newId, now, actor));
        }
        return appointments.stored(newId).copy();
    }

    int expireHolds() {
        Instant now = clock.instant();
        List<String> expired = appointments.expiredHolds(now);
        for (String id : expired) {
            change(id, "system", ChangeType.HOLD_EXPIRED, null, a -> a.expired(now));
        }
        return expired.size();
    }

    private Appointment namedAsStored(Appointment fresh) {
        return fresh.namedAsStored(users.stored(fresh.getUserId()), clinic.doctor(fresh.getDoctorId()).orElse(null));
    }

    private Appointment stored(String id) {
        Appointment current = appointments.stored(id);
        if (current == null) {
            throw new IllegalArgumentException("No appointment " + id);
        }
        return current;
    }

    private void requireFree(Appointment appointment, Instant now) {
        if (appointments.liveOwner(appointment.slot(), now).isPresent()) {
            throw new SlotTakenException(appointment.slot());
        }
        requireWorked(appointment);
    }

    /** Refuses a slot the schedule, as stored now, does not offer. */
    private void requireWorked(Appointment appointment) {
        ClinicSchedule.DefaultWeek week = defaultWeek;
        if (week != null && !clinic.schedule().offers(appointment.getDoctorId(), appointment.getDate(),
                appointment.getTime(), week)) {
            throw new BookingException("booking.slot.not_working");
        }
    }

    private void commit(Instant now, String actor, ChangeType type, Appointment previous, Appointment stored) {
        MessagePolicy.queued(previous, stored, now);
        JournalEntry entry = JournalEntry.ofAppointment(commits.nextSeq(), now, actor, type.code(), previous, stored);
        commits.commit(entry, () -> appointments.put(stored, now));
        if (stored.releasedSlot(previous, now)) {
            offerOnward(previous.slot(), stored.getUserId(), now);
        }
    }

    /**
     * Offers a slot just let go to the first patient in its doctor's line who may take it (not the one who let it
     * go, not suspended, within their limits): a hold of their own for the offer's time, then their place is gone.
     */
    private void offerOnward(SlotKey slot, String releasedBy, Instant now) {
        WaitlistTerms terms = waitlistTerms;
        ClinicSchedule.DefaultWeek week = defaultWeek;
        Optional<Doctor> doctor = clinic.doctor(slot.doctorId());
        if (terms == null || week == null || doctor.isEmpty() || !terms.stillAhead(slot, now)
                || appointments.liveOwner(slot, now).isPresent()
                || !clinic.schedule().offers(slot.doctorId(), slot.date(), slot.time(), week)) {
            return;
        }
        WaitlistOffer.firstTaker(slot, releasedBy, now, doctor.get(), terms,
                waitlist.line(slot.doctorId(), slot.date()), id -> Optional.ofNullable(users.stored(id)),
                appointments::storedOfPatient).ifPresent(offer -> {
                    commit(now, "system", ChangeType.WAITLIST_OFFERED, null, offer.appointment());
                    waitlist.offerMade(offer.requestId());
                    userCommit.accept(ChangeType.WAITLIST_OFFER_MADE, offer.patient().leftWaitlist(offer.requestId()));
                });
    }
}
