package org.clinic.appointments.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.BookingLimits;
import org.clinic.appointments.domain.ClinicRules;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.Role;
import org.clinic.appointments.domain.PhoneNumber;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.domain.VisitReason;
import org.clinic.appointments.domain.port.AppointmentBook;
import org.clinic.appointments.infrastructure.config.AppConfig;
import org.clinic.appointments.infrastructure.metrics.ClinicMetrics;
import org.clinic.appointments.security.Roles;

/**
 * The front desk: an admin finds a patient (or registers one walking in, with a name and phone only) and books a
 * free slot for them, confirmed at once, to be paid at the clinic or paid there already. The patient's own
 * booking limits do not bind the admin, who is shown the one a booking goes beyond; the admin is the actor.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class FrontDesk {

    private static final Logger LOG = Logger.getLogger(FrontDesk.class.getName());
    public static final int MAX_FOUND = 20;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    @Inject
    AppointmentBook book;

    @Inject
    AppConfig config;

    @Inject
    ClinicMetrics metrics;

    /** A booking made at the desk, and the patient's own limit it goes beyond, if any. */
    public record DeskBooking(Appointment appointment, Optional<BookingException> beyondLimit) {
    }

    /** The patients the desk may book for: a walk-in's record merged into an account is not among them. */
    public List<User> findPatients(String text) {
        return text == null || text.isBlank() ? List.of()
                : book.findPatients(text.strip(), MAX_FOUND).stream().filter(u -> u.mergedIntoId() == null).toList();
    }

    /** The patients already registered with this phone number (see {@link PhoneNumber#same}). */
    public List<User> patientsWithPhone(String phone) {
        String digits = PhoneNumber.significantDigits(phone);
        if (digits.isEmpty()) {
            return List.of();
        }
        return book.findPatients(digits, MAX_FOUND).stream()
                .filter(u -> u.mergedIntoId() == null && PhoneNumber.same(u.getPhone(), phone)).toList();
    }

    public User patient(String patientId) {
        User patient = book.user(patientId).filter(u -> u.getRole() == Role.PATIENT)
                .orElseThrow(() -> new BookingException("desk.patient.unknown"));
        if (patient.mergedIntoId() != null) {
            throw new BookingException("desk.patient.merged");
        }
        return patient;
    }

    public User registerWalkIn(@NotNull @Valid WalkIn walkIn) {
        User user = User.walkIn(UUID.randomUUID().toString(), walkIn.getName().strip(), walkIn.getPhone().strip(),
                clock.instant(), adminId());
        User stored = book.registerUser(user, adminId());
        LOG.info(() -> "Admin " + adminId() + " registered walk-in patient " + stored.getId());
        return stored;
    }

    /** The patient's appointments that keep a slot and have not begun, soonest first. */
    public List<Appointment> upcoming(String patientId) {
        Instant now = clock.instant();
        ClinicRules rules = config.rules();
        return book.appointmentsOfPatient(patientId).stream()
                .filter(a -> a.holdsSlot(now) && rules.startOf(a).isAfter(now))
                .sorted(java.util.Comparator.comparing(Appointment::getDate).thenComparing(a -> rules.startOf(a)))
                .toList();
    }

    public BookingLimits limits() {
        return config.limits();
    }

    public DeskBooking book(String patientId, String doctorId, LocalDate date, String time, String reason,
            boolean paidNow) {
        User patient = patient(patientId);
        Doctor doctor = book.doctor(doctorId).orElseThrow(() -> new BookingException("booking.doctor.unknown"));
        ClinicRules rules = config.rules();
        Instant now = clock.instant();
        rules.bookingRefusal(date, time, now, book.schedule().slotTimes(doctorId, date, config.defaultWeek())).ifPresent(key -> {
            throw new BookingException(key);
        });
        String actor = adminId();
        Appointment appointment = Appointment.bookedAtDesk(UUID.randomUUID().toString(), patient, doctor, date, time,
                VisitReason.optional(reason), now, actor, paidNow);
        appointment.setAmount(doctor.feeOr(config.consultationFee()));
        BookingLimits limits = config.limits();
        Optional<BookingException> beyond = limits.exceededBy(appointment, book.appointmentsOfPatient(patientId), now);
        Appointment booked = book.hold(appointment, actor, limits.atFrontDesk());
        metrics.booked();
        LOG.info(() -> "Admin " + actor + " booked appointment " + booked.getId() + " at the front desk");
        return new DeskBooking(booked, beyond);
    }

    private String adminId() {
        return context.getCallerPrincipal().getName();
    }
}
