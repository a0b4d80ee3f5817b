package org.clinic.appointments.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.BookingLimits;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.ClinicRules;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.PaymentOutcome;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.domain.WaitRequest;
import org.clinic.appointments.domain.VisitReason;
import org.clinic.appointments.infrastructure.config.AppConfig;
import org.clinic.appointments.domain.port.AppointmentBook;
import org.clinic.appointments.infrastructure.metrics.ClinicMetrics;
import org.clinic.appointments.security.Roles;
import org.clinic.appointments.domain.PaymentMethod;

/**
 * A patient's own bookings: hold a slot, pay, cancel, reschedule, list. Every call acts for the logged-in
 * patient only; another patient's appointment is "not found".
 */
@Stateless
@RolesAllowed(Roles.PATIENT)
public class BookingService {

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    @Inject
    AppointmentBook book;

    @Inject
    ClinicMetrics metrics;

    @Inject
    AppConfig config;

    @Inject
    PaymentGateway gateway;

    @Inject
    OwnAccountChanges ownChanges;

    @Inject
    ChargeRecording charges;

    /**
     * Puts the caller on the doctor's waitlist for these days: a slot let go on one of them is offered to the
     * first in line, held for them for a while ({@code appointments.waitlist-offer}).
     */
    public WaitRequest joinWaitlist(String doctorId, LocalDate from, LocalDate to) {
        Doctor doctor = book.doctor(doctorId).orElseThrow(() -> new BookingException("booking.doctor.unknown"));
        if (!book.schedule().isActive(doctor.getId())) {
            throw new BookingException("booking.doctor.unknown");
        }
        Instant now = clock.instant();
        WaitRequest place = new WaitRequest(UUID.randomUUID().toString(), doctor.getId(), from, to, now);
        String actor = callerId();
        ownChanges.admit(actor);
        book.changeUser(actor, actor, ChangeType.WAITLIST_JOINED,
                user -> user.joinedWaitlist(place, config.rules().bookableRange(now),
                        day -> !book.schedule().slotTimes(doctor.getId(), day, config.defaultWeek()).isEmpty()));
        return place;
    }

    public void leaveWaitlist(String placeId) {
        String actor = callerId();
        ownChanges.admit(actor);
        book.changeUser(actor, actor, ChangeType.WAITLIST_LEFT, user -> user.leftWaitlist(placeId));
    }

    /** The caller's places on waitlists, oldest first. */
    public List<WaitRequest> myWaitlist() {
        return caller().getWaitlist(config.rules().today(clock.instant()));
    }

    /** Holds the slot for the caller until the hold expires or the appointment is paid. */
    public Appointment hold(String doctorId, LocalDate date, String time, String reason) {
        Doctor doctor = book.doctor(doctorId).orElseThrow(() -> new BookingException("booking.doctor.unknown"));
        ClinicRules rules = config.rules();
        Instant now = clock.instant();
        rules.bookingRefusal(date, time, now, book.schedule().slotTimes(doctorId, date, config.defaultWeek())).ifPresent(key -> {
            throw new BookingException(key);
        });
        String cleanReason = VisitReason.checked(reason);
        User patient = caller();
        Appointment appointment = Appointment.hold(UUID.randomUUID().toString(), patient, doctor, date, time,
                cleanReason, now, rules.holdExpiry(now));
        appointment.setAmount(doctor.feeOr(config.consultationFee()));
        Appointment held = book.hold(appointment, patient.getId(), config.limits());
        metrics.booked();
        return held;
    }

    /**
     * Charges the details and records the answer. Only the caller's own appointment, only while it waits for
     * payment and its hold is alive; anything else changes nothing and says why.
     */
    public Appointment pay(String appointmentId, PaymentDetails details) {
        Instant now = clock.instant();
        Map<String, String> problems = details.problems(YearMonth.from(now.atZone(config.zone())));
        if (!problems.isEmpty()) {
            details.forgetSecrets();
            throw new InvalidPaymentException(problems);
        }
        Appointment appointment = find(appointmentId);
        String refusal = appointment.paymentRefusal(now);
        if (refusal != null) {
            details.forgetSecrets();
            throw new BookingException(refusal);
        }
        if (details.getMethod() == PaymentMethod.PAY_AT_CLINIC
                && !book.user(callerId()).map(User::isEmailVerified).orElse(false)) {
            details.forgetSecrets();
            throw new BookingException("payment.verify_first");
        }
        requireChangeRate();
        PaymentOutcome outcome = gateway.charge(details);
        details.forgetSecrets();
        Appointment paid = charges.record(appointmentId, callerId(), outcome, config.limits());
        metrics.paid(outcome.status());
        return paid;
    }

    /** Cancels the caller's appointment (refunding a paid one) unless the cut-off has passed. */
    public Appointment cancel(String appointmentId) {
        find(appointmentId);
        String actor = callerId();
        Appointment cancelled = book.changeOwn(appointmentId, actor, ChangeType.CANCELLED, config.limits(),
                current -> current.cancelledByPatient(config.rules(), clock.instant(), actor));
        return charges.givenBackNow(cancelled);
    }

    /** Moves the caller's appointment to another free slot of the same doctor, in one write. */
    public Appointment reschedule(String appointmentId, LocalDate date, String time) {
        Appointment appointment = find(appointmentId);
        BookingLimits limits = config.limits();
        String actor = callerId();
        List<String> offered = book.schedule().slotTimes(appointment.getDoctorId(), date, config.defaultWeek());
        Appointment moved = book.changeOwn(appointmentId, actor, ChangeType.RESCHEDULED, limits, current -> {
            limits.requireRescheduleAllowed(current);
            return current.rescheduled(date, time, offered, config.rules(), clock.instant(), actor);
        });
        return moved;
    }

    /** The caller's appointments, newest booking first. */
    public List<Appointment> mine() {
        return book.appointmentsOfPatient(callerId());
    }

    /** The caller's appointment with this id. */
    public Appointment find(String appointmentId) {
        String caller = callerId();
        return book.appointment(appointmentId)
                .filter(a -> a.getUserId().equals(caller))
                .orElseThrow(AppointmentNotFoundException::new);
    }

    /**
     * Refuses a change by a caller who made too many in the last minutes (see {@link BookingLimits}) before a
     * payment is charged; the store counts again as it stores the change.
     */
    private void requireChangeRate() {
        Instant now = clock.instant();
        config.limits().requireChangeRate(callerId(),
                book.appointmentsOfPatientChangedSince(callerId(), now.minus(config.limits().changeWindow())), now);
    }

    private String callerId() {
        return context.getCallerPrincipal().getName();
    }

    private User caller() {
        User caller = book.user(callerId()).orElseThrow(() -> new BookingException("booking.account.unknown"));
        if (caller.isSuspended()) {
            throw new BookingException("login.suspended");
        }
        return caller;
    }
}
