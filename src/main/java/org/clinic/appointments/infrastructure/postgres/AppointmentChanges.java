package org.clinic.appointments.infrastructure.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.BookingLimits;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.ClinicSchedule;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.DuplicateEmailException;
import org.clinic.appointments.domain.EmailAddress;
import org.clinic.appointments.domain.MessagePolicy;
import org.clinic.appointments.domain.PatientMove;
import org.clinic.appointments.domain.SlotKey;
import org.clinic.appointments.domain.SlotTakenException;
import org.clinic.appointments.domain.StoredChange;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.domain.WaitlistOffer;
import org.clinic.appointments.domain.WaitlistTerms;
import org.clinic.appointments.domain.StorageException;

/**
 * Changes to appointments and accounts, each one transaction checked against what is stored when it runs. The
 * patient's account row is locked first, so one patient's changes (and their limits) run one at a time on any
 * node; a slot's one holder is the unique index's to keep, and a hold that ran out is let go before its slot is
 * taken again.
 */
final class AppointmentChanges {

    private static final String SYSTEM = "system";

    private final Database db;
    private final AppointmentTable appointments;
    private final UserTable users;
    private final ClinicTable clinic;
    private final Clock clock;
    private volatile ClinicSchedule.DefaultWeek defaultWeek;
    private volatile WaitlistTerms waitlistTerms;

    AppointmentChanges(Database db, AppointmentTable appointments, UserTable users, ClinicTable clinic, Clock clock) {
        this.db = db;
        this.appointments = appointments;
        this.users = users;
        this.clinic = clinic;
        this.clock = clock;
    }

    void offerOnly(ClinicSchedule.DefaultWeek week) {
        this.defaultWeek = week;
    }

    void offerFreedSlots(WaitlistTerms terms) {
        this.waitlistTerms = terms;
    }

    Appointment hold(Appointment appointment, String actor, BookingLimits limits) {
        return db.inTransaction(appointment.slot(), c -> {
            Instant now = clock.instant();
            Optional<User> patient = users.find(c, appointment.getUserId(), true);
            patient.ifPresent(p -> p.requireMayHoldAs(actor));
            if (appointments.find(c, appointment.getId(), false).isPresent()) {
                throw new IllegalArgumentException("Appointment " + appointment.getId() + " exists already");
            }
            requireFree(c, appointment, now);
            List<Appointment> patientAppointments;
            if (limits.limitsChangesBy(actor, appointment.getUserId())) {
                patientAppointments = limitedOf(c, actor, limits, now);
                limits.requireChangeRate(actor, patientAppointments, now);
            } else {
                patientAppointments = appointments.liveOfPatient(c, appointment.getUserId(), now);
            }
            limits.requireRoomForHold(appointment, patientAppointments, now);
            Appointment stored = namedAsStored(c, appointment, patient);
            store(c, now, actor, ChangeType.BOOKED, null, stored, null);
            return stored.copy();
        });
    }

    /** A change; with {@code ownLimits}, the patient's ({@code actor}'s) own, within their limits as stored when it runs. */
    Appointment change(String id, String actor, ChangeType type, BookingLimits ownLimits,
            UnaryOperator<Appointment> transition) {
        return db.inTransaction(c -> {
            Appointment current = locked(c, id);
            Appointment next = StoredChange.next(current, ownLimits == null ? null : actor, transition);
            Instant now = clock.instant();
            if (ownLimits != null) {
                ownLimits.requireRoomForOwnChange(current, next, limitedOf(c, actor, ownLimits, now), now);
            }
            if (next.holdsSlot(now) && !next.slot().equals(current.slot())) {
                takeOver(c, next.slot(), now);
                Optional<Appointment> owner = appointments.liveHolder(c, next.slot(), now);
                if (owner.isPresent() && !owner.get().getId().equals(next.getId())) {
                    throw new SlotTakenException(next.slot());
                }
                requireWorked(c, next);
                BookingLimits.requireNoClash(next, appointments.liveOfPatient(c, next.getUserId(), now), now);
            }
            Appointment stored = next.copy();
            store(c, now, actor, type, current, stored, next.slot());
            return stored.copy();
        });
    }

    Appointment moveToPatient(String id, String fromUserId, User into, PatientMove move, String actor) {
        return db.inTransaction(c -> {
            Appointment current = locked(c, id);
            if (current.getUserId().equals(into.getId())) {
                return current.copy();
            }
            Map<String, User> locked = new HashMap<>();
            for (String userId : new TreeSet<>(List.of(fromUserId, into.getId()))) {
                users.find(c, userId, true).ifPresent(user -> locked.put(userId, user));
            }
            User target = locked.getOrDefault(into.getId(), into);
            move.requireAllowed(locked.get(fromUserId), target);
            Instant now = clock.instant();
            Appointment stored = StoredChange.moved(current, fromUserId, into.getId(),
                    a -> move.applied(a, target, now, actor)).copy();
            store(c, now, actor, move.changeType(), current, stored, null);
            return stored.copy();
        });
    }

    Appointment rebook(String cancelledId, String actor, UnaryOperator<Appointment> replacementOf) {
        return db.inTransaction(c -> {
            Appointment cancelled = locked(c, cancelledId);
            Instant now = clock.instant();
            String newId = Appointment.rebookId(cancelledId);
            if (appointments.find(c, newId, false).isEmpty()) {
                Appointment replacement = replacementOf.apply(cancelled.copy());
                if (!newId.equals(replacement.getId())) {
                    throw new IllegalArgumentException("A replacement must have the id that follows from " + cancelledId);
                }
                requireFree(c, replacement, now);
                BookingLimits.requireNoClash(replacement, appointments.liveOfPatient(c, replacement.getUserId(), now),
                        now);
                store(c, now, actor, ChangeType.BOOKED, null,
                        namedAsStored(c, replacement, users.find(c, replacement.getUserId(), false)), replacement.slot());
            }
            if (cancelled.getRebookedAs() == null) {
                store(c, now, actor, ChangeType.REBOOKED, cancelled, cancelled.rebooked(newId, now, actor), null);
            }
            return appointments.find(c, newId, false).orElseThrow();
        });
    }

    int expireHolds() {
        Instant now = clock.instant();
        List<String> runOut = db.read(c -> appointments.runOutHolds(c, now));
        int expired = 0;
        for (String id : runOut) {
            expired += db.inTransaction(c -> {
                Appointment current = locked(c, id);
                if (!current.isHoldExpired(now)) {
                    return 0;
                }
                store(c, now, SYSTEM, ChangeType.HOLD_EXPIRED, current, current.expired(now), null);
                return 1;
            });
        }
        return expired;
    }

    User storeUser(Connection c, String id, String actor, ChangeType type, UnaryOperator<User> change)
            throws SQLException {
        User current = users.find(c, id, true).orElseThrow(() -> new IllegalArgumentException("No user " + id));
        User next = change.apply(current.copy());
        if (!id.equals(next.getId())) {
            throw new IllegalArgumentException("A change cannot alter an account's id");
        }
        User stored = next.copy();
        String key = EmailAddress.identityKey(next.getEmail());
        if (Objects.equals(key, EmailAddress.identityKey(current.getEmail()))) {
            stored.setEmail(current.getEmail());
        } else if (users.byEmail(c, key).isPresent()) {
            throw new DuplicateEmailException();
        } else {
            stored.setEmail(key);
        }
        users.update(c, stored);
        ClinicTable.changed(c, clock.instant(), actor, type, id, null);
        return stored.copy();
    }

    /** A new appointment naming its patient as their locked row does, and its doctor as their held row does. */
    private Appointment namedAsStored(Connection c, Appointment fresh, Optional<User> patient) throws SQLException {
        return fresh.namedAsStored(patient.orElse(null), clinic.doctorToName(c, fresh.getDoctorId()).orElse(null));
    }

    /** The patient's appointments their limits look at: those keeping a slot, and those with a change in the window. */
    private List<Appointment> limitedOf(Connection c, String patientId, BookingLimits limits, Instant now)
            throws SQLException {
        return appointments.liveOrChangedOfPatient(c, patientId, now, now.minus(limits.changeWindow()));
    }

    /** The appointment, locked after its patient's account (the order every change takes its locks in). */
    private Appointment locked(Connection c, String id) throws SQLException {
        String patient = appointments.patientOf(c, id).orElseThrow(() -> new IllegalArgumentException("No appointment " + id));
        users.find(c, patient, true);
        return appointments.find(c, id, true).orElseThrow();
    }

    private void requireFree(Connection c, Appointment appointment, Instant now) throws SQLException {
        takeOver(c, appointment.slot(), now);
        if (appointments.liveHolder(c, appointment.slot(), now).isPresent()) {
            throw new SlotTakenException(appointment.slot());
        }
        requireWorked(c, appointment);
    }

    /** Refuses a slot the schedule, as stored when this transaction holds it, does not offer. */
    private void requireWorked(Connection c, Appointment appointment) throws SQLException {
        ClinicSchedule.DefaultWeek week = defaultWeek;
        if (week != null && !clinic.scheduleToBookBy(c).offers(appointment.getDoctorId(), appointment.getDate(),
                appointment.getTime(), week)) {
            throw new BookingException("booking.slot.not_working");
        }
    }

    /** Lets go of a hold on the slot that ran out and was not swept yet, so the slot can be taken. */
    private void takeOver(Connection c, SlotKey slot, Instant now) throws SQLException {
        Optional<Appointment> runOut = appointments.runOutHolder(c, slot, now);
        if (runOut.isPresent() && runOut.get().isHoldExpired(now)) {
            store(c, now, SYSTEM, ChangeType.HOLD_EXPIRED, runOut.get(), runOut.get().expired(now), null);
        }
    }

    private void store(Connection c, Instant now, String actor, ChangeType type, Appointment previous,
            Appointment stored, SlotKey taking) throws SQLException {
        MessagePolicy.queued(previous, stored, now);
        try {
            if (previous == null) {
                appointments.insert(c, stored);
            } else {
                appointments.update(c, previous, stored);
            }
        } catch (SQLException e) {
            if (taking != null && "23505".equals(e.getSQLState()) && String.valueOf(e.getMessage()).contains(Database.ONE_PER_SLOT)) {
                throw new SlotTakenException(taking);
            }
            throw e;
        }
        Database.logOnCommit("change type=" + type.code() + " actor=" + actor + " appointment=" + stored.getId()
                + " status=" + stored.getStatus().code()
                + (stored.getPaymentStatus() == null ? "" : " payment=" + stored.getPaymentStatus().code()));
        if (stored.releasedSlot(previous, now)) {
            offerOnward(c, previous.slot(), stored.getUserId(), now);
        }
    }

    /** Offers a slot just let go to the first patient in its doctor's line who may take it, in the same transaction. */
    private void offerOnward(Connection c, SlotKey slot, String releasedBy, Instant now) throws SQLException {
        WaitlistTerms terms = waitlistTerms;
        ClinicSchedule.DefaultWeek week = defaultWeek;
        Optional<Doctor> doctor = clinic.doctorToName(c, slot.doctorId());
        if (terms == null || week == null || doctor.isEmpty() || !terms.stillAhead(slot, now)
                || appointments.liveHolder(c, slot, now).isPresent()
                || !clinic.scheduleToBookBy(c).offers(slot.doctorId(), slot.date(), slot.time(), week)) {
            return;
        }
        Optional<WaitlistOffer> offer = WaitlistOffer.firstTaker(slot, releasedBy, now, doctor.get(), terms,
                users.line(c, slot.doctorId(), slot.date()), id -> unchecked(() -> users.find(c, id, true)),
                id -> unchecked(() -> appointments.liveOfPatient(c, id, now)));
        if (offer.isEmpty()) {
            return;
        }
        Savepoint beforeOffer = c.setSavepoint();
        int linesBeforeOffer = Database.loggedLines();
        try {
            store(c, now, SYSTEM, ChangeType.WAITLIST_OFFERED, null, offer.get().appointment(), null);
            User patient = offer.get().patient().leftWaitlist(offer.get().requestId());
            users.update(c, patient);
            ClinicTable.changed(c, now, SYSTEM, ChangeType.WAITLIST_OFFER_MADE, patient.getId(), null);
        } catch (SQLException takenMeanwhile) {
            c.rollback(beforeOffer);
            Database.forgetLinesAfter(linesBeforeOffer);
        }
    }

    private interface Query<T> {
        T run() throws SQLException;
    }

    private static <T> T unchecked(Query<T> query) {
        try {
            return query.run();
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }
}
