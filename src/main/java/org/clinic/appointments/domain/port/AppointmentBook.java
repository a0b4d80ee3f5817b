package org.clinic.appointments.domain.port;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.AppointmentQuery;
import org.clinic.appointments.domain.AppointmentSort;
import org.clinic.appointments.domain.AuditEntry;
import org.clinic.appointments.domain.AuditQuery;
import org.clinic.appointments.domain.BookingLimits;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.ClinicFigures;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.Page;
import org.clinic.appointments.domain.PatientMove;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.domain.ClinicSchedule;
import org.clinic.appointments.domain.WaitlistPlace;
import org.clinic.appointments.domain.AccountRecordChange;

/**
 * What the clinic needs from storage: doctors, accounts and appointments, read and changed. Every change is
 * durable before it returns, is checked against what is stored (never what a page showed), and leaves one
 * history entry. A slot has at most one live holder, whatever the concurrency.
 */
public interface AppointmentBook {

    List<Doctor> doctors();

    Optional<Doctor> doctor(String id);

    /** The specializations admins choose from, in their order. */
    List<String> specializations();

    /** Applies a change to the list of specializations and stores it; the change may refuse ({@code BookingException}). */
    List<String> changeSpecializations(String actor, UnaryOperator<List<String>> change);

    /** Stores a new doctor (with the history of their addition); refused when the id is taken. */
    Doctor addDoctor(Doctor doctor, String actor);

    /**
     * Applies a change to a doctor's record as stored now and stores the result, in one step; the change may refuse
     * with a {@code BookingException}. Its id stays.
     */
    Doctor changeDoctor(String id, String actor, ChangeType type, UnaryOperator<Doctor> change);

    /** Stores a doctor's photo durably under its name (derived from its content), before any record names it. */
    void storePhoto(String name, byte[] bytes);

    /** A stored photo, by name. */
    Optional<byte[]> photo(String name);

    Optional<User> user(String id);

    /** The account of this address, by its identity key (see {@code EmailAddress}). */
    Optional<User> userByEmail(String email);

    /** The admin accounts, by name. */
    List<User> admins();

    /**
     * One page of the accounts' changes (see {@code User.getChanges}) the query matches, in
     * {@code AccountRecordChange.NEWEST_FIRST} order, and how many match in all.
     */
    Page<AccountRecordChange> accountChanges(AuditQuery query, int first, int size);

    /**
     * Moves an appointment the clinic cancelled for a doctor's leave to the replacement its patient chose, in one
     * step: the replacement (made from the cancelled one as stored) takes its slot if free and worked, and the
     * cancelled one points to it. Taking the offer twice gives the same replacement.
     */
    Appointment rebook(String cancelledId, String actor, java.util.function.UnaryOperator<Appointment> replacementOf);

    /** The clinic's holidays and doctors' working plans. */
    ClinicSchedule schedule();

    /** Applies a change to the schedule and stores it durably; the change may refuse with a {@code BookingException}. */
    ClinicSchedule changeSchedule(String actor, ChangeType type,
            java.util.function.UnaryOperator<ClinicSchedule> change);

    /**
     * Patients whose name or e-mail address contains the text (ignoring case), or whose phone contains its
     * digits (at least four), by name; at most {@code max}.
     */
    List<User> findPatients(String text, int max);

    Optional<Appointment> appointment(String id);

    /** A patient's appointments, newest booking first. */
    List<Appointment> appointmentsOfPatient(String userId);

    /** A patient's appointments with a change at or after {@code since} (newest booking first): their recent activity. */
    List<Appointment> appointmentsOfPatientChangedSince(String userId, java.time.Instant since);

    /** A doctor's appointments on one day, in booking order. */
    List<Appointment> appointmentsOf(String doctorId, LocalDate date);

    /**
     * Who waits for this doctor on this day, first in line first. A slot let go (cancelled, hold run out,
     * payment failed; not a no-show) is offered to the first who may take it, in the same write.
     */
    List<WaitlistPlace> waitlist(String doctorId, LocalDate date);

    /** For each day from {@code from} to {@code to} (inclusive) that has any, the doctor's slots held now. */
    Map<LocalDate, Set<String>> takenTimes(String doctorId, LocalDate from, LocalDate to);

    ClinicFigures figures();

    /** One page of the appointments that match, in the order asked for. */
    Page<Appointment> search(AppointmentQuery query, AppointmentSort sort, boolean ascending, int first, int size);

    /** One page of the changes of the appointments that match, newest first. */
    Page<AuditEntry> audit(AuditQuery query, int first, int size);

    /** Adds an account unless its e-mail address is taken ({@code DuplicateEmailException}). */
    User registerUser(User user, String actor);

    /**
     * Replaces an account's record; its id stays. A new e-mail address (a verified change) must not be another
     * account's ({@code DuplicateEmailException}).
     */
    User updateUser(User user, String actor, ChangeType type);

    /**
     * Applies a change to the account as stored now and stores the result, in one step: the change sees what
     * is stored, and may refuse with a {@code BookingException}. Its id stays; a new e-mail address must not be
     * another account's ({@code DuplicateEmailException}).
     */
    User changeUser(String id, String actor, ChangeType type, java.util.function.UnaryOperator<User> change);

    /**
     * Stores a new appointment that takes its slot: refused with {@code SlotTakenException} when the slot has a
     * live holder, and with a {@code BookingException} when the patient's limits leave no room.
     */
    Appointment hold(Appointment appointment, String actor, BookingLimits limits);

    /**
     * Applies a transition to the stored state of an appointment and stores the result. A slot it moves to must
     * be free and must not clash with the patient's other appointments.
     */
    Appointment change(String id, String actor, ChangeType type, UnaryOperator<Appointment> transition);

    /**
     * Moves an appointment of {@code fromUserId} to {@code into} (a walk-in's record merged into the same patient's
     * account or other record, or that merge undone), with the history entry and change type of {@code move}: the
     * only change that alters an appointment's patient. From then on it is among {@code into}'s appointments and no
     * longer among {@code fromUserId}'s. An appointment already {@code into}'s is answered as it is.
     */
    Appointment moveToPatient(String id, String fromUserId, User into, PatientMove move, String actor);

    /**
     * A patient's own change of their appointment, as {@link #change} and also refused with a
     * {@code BookingException} beyond the patient's limits as stored when it runs: the changes they made in the
     * limits' window, and their bookings on a day it moves to. A new hold of the patient's own is likewise
     * counted by {@link #hold}.
     */
    Appointment changeOwn(String id, String patientId, ChangeType type, BookingLimits limits,
            UnaryOperator<Appointment> transition);

    /**
     * Appointments with a message due to be sent now (see {@code MessagePolicy}), at most {@code max}. A store shared
     * by several servers hands each of them to one server for a while (to send and record the outcome), after which
     * another may take what is still due: no message is sent twice at once, and none is lost with a server.
     */
    List<Appointment> withDueMessages(int max);

    /** Cancels every hold that has run out; answers how many. */
    int expireHolds();
}
