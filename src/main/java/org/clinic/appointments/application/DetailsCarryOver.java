package org.clinic.appointments.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.AuditQuery;
import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.Page;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.domain.port.AppointmentBook;
import org.clinic.appointments.infrastructure.config.AppConfig;

/**
 * Carries a patient's present name and address, or a doctor's present name, into the appointments still to come
 * that name them, after the patient or the clinic changed them: the pages then show them as they are now, and the
 * messages still waiting and the reminders go to the address in use. Past visits keep the names they were booked
 * under. Run again with the same details, it finishes what an interrupted run left.
 */
@ApplicationScoped
public class DetailsCarryOver {

    private static final Logger LOG = Logger.getLogger(DetailsCarryOver.class.getName());
    /** The account changes that change a patient's name or address. */
    private static final List<ChangeType> PATIENT_DETAIL_CHANGES = List.of(ChangeType.PROFILE_CHANGED,
            ChangeType.EMAIL_VERIFIED, ChangeType.ONLINE_ACCESS_TAKEN);
    private static final int CATCH_UP_PAGE = 500;

    @Inject
    AppointmentBook book;

    @Inject
    AppConfig config;

    @Inject
    Clock clock;

    /** Answers how many of the patient's appointments now carry their details. */
    public int patient(User patient, String actor) {
        int count = carry(book.appointmentsOfPatient(patient.getId()), a -> a.lagsBehind(patient),
                ChangeType.PATIENT_DETAILS, a -> a.patientDetailsChanged(patient, clock.instant(), actor), actor);
        if (count > 0) {
            LOG.info(() -> "The details of patient " + patient.getId() + " carried into " + count + " appointment(s)");
        }
        return count;
    }

    /** Answers how many of the doctor's appointments, from today to the booking horizon, now carry their name. */
    public int doctor(Doctor doctor, String actor) {
        int count = 0;
        for (LocalDate date : config.rules().bookableDates(clock.instant())) {
            count += carry(book.appointmentsOf(doctor.getId(), date), a -> a.lagsBehind(doctor),
                    ChangeType.DOCTOR_DETAILS, a -> a.doctorDetailsChanged(doctor, clock.instant(), actor), actor);
        }
        int carried = count;
        if (carried > 0) {
            LOG.info(() -> "The name of doctor " + doctor.getId() + " carried into " + carried + " appointment(s)");
        }
        return carried;
    }

    /**
     * The appointment naming its patient and doctor as they are now, before a message about it goes out: a carry-over
     * that a crash cut short, or a hold taken while the details changed, is finished here, so no message goes to an
     * address its patient has left. Empty when the appointment changed meanwhile (its messages wait for the next round).
     */
    public Optional<Appointment> beforeSending(Appointment appointment, String actor) {
        try {
            Appointment current = appointment;
            Optional<User> patient = book.user(appointment.getUserId()).filter(appointment::lagsBehind);
            if (patient.isPresent()) {
                current = book.change(appointment.getId(), actor, ChangeType.PATIENT_DETAILS,
                        a -> a.patientDetailsChanged(patient.get(), clock.instant(), actor));
                LOG.info(() -> "The details of patient " + patient.get().getId() + " carried into appointment "
                        + appointment.getId() + " before its message");
            }
            Appointment named = current;
            Optional<Doctor> doctor = book.doctor(named.getDoctorId()).filter(named::lagsBehind);
            if (doctor.isPresent()) {
                current = book.change(named.getId(), actor, ChangeType.DOCTOR_DETAILS,
                        a -> a.doctorDetailsChanged(doctor.get(), clock.instant(), actor));
            }
            return Optional.of(current);
        } catch (BookingException changedMeanwhile) {
            LOG.fine(() -> "Appointment " + appointment.getId() + " changed meanwhile; its messages wait");
            return Optional.empty();
        }
    }

    /**
     * Finishes the carry-overs that the changes of names and addresses since {@code since} may have left undone (a
     * server stopped between storing the change and carrying it): each patient and doctor changed since then is
     * carried again, which changes only what still lags. Answers how many appointments it changed.
     */
    public int catchUp(Instant since, String actor) {
        Set<String> patients = new LinkedHashSet<>();
        for (ChangeType type : PATIENT_DETAIL_CHANGES) {
            AuditQuery changed = new AuditQuery(null, type.code(), since, null);
            Page.forEachRow((first, max) -> book.accountChanges(changed, first, max), CATCH_UP_PAGE,
                    row -> patients.add(row.userId()));
        }
        int count = 0;
        for (String id : patients) {
            count += book.user(id).map(patient -> patient(patient, actor)).orElse(0);
        }
        for (Doctor doctor : book.doctors()) {
            boolean renamed = doctor.getHistory().stream().anyMatch(change -> !change.getAt().isBefore(since)
                    && ChangeType.DOCTOR_EDITED.code().equals(change.getAction()));
            count += renamed ? doctor(doctor, actor) : 0;
        }
        return count;
    }

    private int carry(List<Appointment> appointments, Predicate<Appointment> lagging, ChangeType type,
            UnaryOperator<Appointment> change, String actor) {
        int carried = 0;
        for (Appointment a : appointments) {
            if (!lagging.test(a)) {
                continue;
            }
            try {
                book.change(a.getId(), actor, type, change);
                carried++;
            } catch (BookingException changedMeanwhile) {
                LOG.fine(() -> "Appointment " + a.getId() + " changed meanwhile");
            }
        }
        return carried;
    }
}
