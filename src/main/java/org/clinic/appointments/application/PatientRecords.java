package org.clinic.appointments.application;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.AppointmentStatus;
import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.Role;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.domain.port.AppointmentBook;
import org.clinic.appointments.security.Roles;

/**
 * The clinic's patients for admins: found by name, e-mail or phone; each with their appointments; suspended (no
 * login, no booking, their sessions end and their unpaid holds are released) or reactivated; a walk-in's name
 * and phone corrected; a walk-in's record merged into the same patient's account or other walk-in's record, their
 * appointments with it.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class PatientRecords {

    private static final Logger LOG = Logger.getLogger(PatientRecords.class.getName());
    static final int MAX_FOUND = 50;
    /** The longest e-mail address there is (RFC 5321's path limit less its brackets). */
    static final int MAX_EMAIL = 254;
    static final String RELEASED_BY_SUSPENSION = "Account suspended";

    @Resource
    SessionContext context;

    @Inject
    AppointmentBook book;

    @Inject
    DetailsCarryOver carryOver;

    @Inject
    RecordMerge merge;

    @Inject
    Clock clock;

    public List<User> search(String text) {
        return book.findPatients(text, MAX_FOUND);
    }

    public Optional<User> find(String id) {
        return book.user(id).filter(u -> u.getRole() == Role.PATIENT);
    }

    public List<Appointment> appointments(String patientId) {
        return book.appointmentsOfPatient(patientId);
    }

    /** Suspends the patient and releases their unpaid holds; answers how many were released. */
    public int suspend(String patientId) {
        find(patientId).orElseThrow(() -> new BookingException("patients.unknown"));
        String actor = actor();
        book.changeUser(patientId, actor, ChangeType.SUSPENDED, u -> u.suspended(clock.instant(), actor));
        int released = 0;
        for (Appointment a : book.appointmentsOfPatient(patientId)) {
            if (a.getStatus() == AppointmentStatus.PENDING_PAYMENT) {
                try {
                    book.change(a.getId(), actor, ChangeType.CANCELLED, current -> current.holdReleased(
                            RELEASED_BY_SUSPENSION, clock.instant(), actor));
                    released++;
                } catch (BookingException changedMeanwhile) {
                    LOG.fine(() -> "Hold " + a.getId() + " changed meanwhile");
                }
            }
        }
        int count = released;
        LOG.info(() -> "Admin " + actor + " suspended patient " + patientId + "; " + count + " hold(s) released");
        return count;
    }

    /** Corrects a walk-in's name or phone (a patient with an account changes their own). */
    public User correctWalkIn(String patientId, @NotNull @Valid WalkIn details) {
        find(patientId).orElseThrow(() -> new BookingException("patients.unknown"));
        String actor = actor();
        User corrected = book.changeUser(patientId, actor, ChangeType.PROFILE_CHANGED, u -> u.walkInDetailsCorrected(
                details.getName().strip(), details.getPhone().strip(), clock.instant(), actor));
        LOG.info(() -> "Admin " + actor + " corrected the name or phone of walk-in patient " + patientId);
        carryOver.patient(corrected, actor);
        return corrected;
    }

    /** The walk-ins' records merged into this patient's account, newest first. */
    public List<User> mergedInto(String accountId) {
        return merge.mergedInto(accountId);
    }

    /**
     * The account, found by its e-mail address, that the walk-in's record would be merged into; refused as
     * {@link User#mergedInto} would refuse the merge, and when no patient's account has that address.
     */
    public User mergeTarget(String walkInId, String accountEmail) {
        User walkIn = find(walkInId).orElseThrow(() -> new BookingException("patients.unknown"));
        String email = accountEmail == null ? "" : accountEmail.strip();
        User account = email.isEmpty() || email.length() > MAX_EMAIL || User.isWalkInAddress(email) ? null
                : book.userByEmail(email).filter(u -> u.getRole() == Role.PATIENT).orElse(null);
        if (account == null) {
            throw new BookingException("patients.merge.no_account");
        }
        walkIn.mergedInto(account, clock.instant(), actor());
        return account;
    }

    /**
     * The other walk-ins' records, found by name or phone, that this walk-in's record could be merged into (the desk
     * registered the same patient twice); none merged themselves. Refused when there is none.
     */
    public List<User> otherWalkIns(String walkInId, String text) {
        User walkIn = find(walkInId).orElseThrow(() -> new BookingException("patients.unknown"));
        String query = text == null ? "" : text.strip();
        List<User> found = query.isEmpty() ? List.of() : book.findPatients(query, MAX_FOUND).stream()
                .filter(u -> u.isWalkIn() && u.mergedIntoId() == null && !u.getId().equals(walkIn.getId())).toList();
        if (found.isEmpty()) {
            throw new BookingException("patients.merge.no_record");
        }
        return found;
    }

    /**
     * Another walk-in's record of the same patient that this one would be merged into; refused as
     * {@link User#mergedInto} would refuse the merge, and when it is not a walk-in's record.
     */
    public User mergeTargetRecord(String walkInId, String recordId) {
        User walkIn = find(walkInId).orElseThrow(() -> new BookingException("patients.unknown"));
        User record = find(recordId).filter(User::isWalkIn)
                .orElseThrow(() -> new BookingException("patients.merge.target"));
        walkIn.mergedInto(record, clock.instant(), actor());
        return record;
    }

    /**
     * Merges the walk-in's record into the account or other record: the merge is kept on the record, then its
     * appointments move there. Run again for the same target, it moves what a stop left behind. Answers how many moved.
     */
    public int merge(String walkInId, String accountId) {
        User walkIn = find(walkInId).orElseThrow(() -> new BookingException("patients.unknown"));
        User account = find(accountId).orElseThrow(() -> new BookingException("patients.unknown"));
        String actor = actor();
        User merged = accountId.equals(walkIn.mergedIntoId()) ? walkIn
                : book.changeUser(walkInId, actor, ChangeType.MERGED_INTO,
                        u -> u.mergedInto(account, clock.instant(), actor));
        int moved = merge.moveAppointments(merged, actor);
        LOG.info(() -> "Admin " + actor + " merged walk-in " + walkInId + " into patient " + accountId + "; "
                + moved + " appointment(s) moved");
        return moved;
    }

    /**
     * Undoes the walk-in's merge (it was not the same patient): the record is its own again, and the appointments that
     * came from it go back to it. Answers how many moved back.
     */
    public int undoMerge(String walkInId) {
        find(walkInId).orElseThrow(() -> new BookingException("patients.unknown"));
        String actor = actor();
        User undone = book.changeUser(walkInId, actor, ChangeType.MERGE_UNDONE,
                u -> u.mergeUndone(clock.instant(), actor));
        String formerTarget = undone.getChanges().get(undone.getChanges().size() - 1).getDetail();
        int moved = merge.moveBack(undone, formerTarget, actor);
        LOG.info(() -> "Admin " + actor + " undid the merge of walk-in " + walkInId + " into patient " + formerTarget
                + "; " + moved + " appointment(s) moved back");
        return moved;
    }

    public void reactivate(String patientId) {
        find(patientId).orElseThrow(() -> new BookingException("patients.unknown"));
        String actor = actor();
        book.changeUser(patientId, actor, ChangeType.REACTIVATED, u -> u.reactivated(clock.instant(), actor));
        LOG.info(() -> "Admin " + actor + " reactivated patient " + patientId);
    }

    private String actor() {
        return context.getCallerPrincipal().getName();
    }
}
