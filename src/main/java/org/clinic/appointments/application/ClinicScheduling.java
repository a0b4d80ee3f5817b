package org.clinic.appointments.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.ChargeReversals;
import org.clinic.appointments.domain.ClinicRules;
import org.clinic.appointments.domain.ClinicSchedule;
import org.clinic.appointments.domain.DateLimits;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.Holiday;
import org.clinic.appointments.domain.Leave;
import org.clinic.appointments.domain.ScheduleChange;
import org.clinic.appointments.domain.WeeklyPlan;
import org.clinic.appointments.domain.port.AppointmentBook;
import org.clinic.appointments.infrastructure.config.AppConfig;
import org.clinic.appointments.security.Roles;
import org.clinic.appointments.domain.AppointmentStatus;

/**
 * The clinic's week, run by admins: holidays (nobody has slots) and each doctor's working plan from a date on.
 * Booked appointments that a change leaves outside working hours are never dropped: they are listed for the
 * admin ({@link #outsideWorkingHours}) until moved or cancelled.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class ClinicScheduling {

    private static final Logger LOG = Logger.getLogger(ClinicScheduling.class.getName());

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    @Inject
    AppointmentBook book;

    @Inject
    OwedReversals owedReversals;

    @Inject
    AppConfig config;

    public ClinicSchedule schedule() {
        return book.schedule();
    }

    /** The holidays from today on; earlier ones are in the audit trail. */
    public List<Holiday> comingHolidays() {
        return book.schedule().holidaysFrom(today());
    }

    /** The leaves not over yet (today's included); earlier ones are in the audit trail. */
    public List<Leave> currentAndComingLeaves() {
        return book.schedule().leavesNotOverBefore(today());
    }

    private LocalDate today() {
        return config.rules().today(clock.instant());
    }

    /**
     * The schedule's changes by this actor and of this type (null: any) in [from, until) (null: unbounded), newest
     * first.
     */
    public List<ScheduleChange> changes(String actorId, ChangeType type, Instant from, Instant until) {
        return book.schedule().changes().stream()
                .filter(c -> actorId == null || actorId.equals(c.actor()))
                .filter(c -> type == null || type == c.action())
                .filter(c -> from == null || !c.at().isBefore(from))
                .filter(c -> until == null || c.at().isBefore(until))
                .sorted(Comparator.comparing(ScheduleChange::at).reversed())
                .toList();
    }

    public ClinicSchedule.DefaultWeek defaultWeek() {
        return config.defaultWeek();
    }

    public void addHoliday(LocalDate date, String name) {
        if (date == null) {
            throw new BookingException("schedule.holiday.date_required");
        }
        requireNotPast(date);
        Holiday holiday = new Holiday(date, name);
        String actor = actor();
        book.changeSchedule(actor, ChangeType.HOLIDAY_ADDED, schedule -> schedule.withHoliday(holiday)
                .recorded(ScheduleChange.holidayAdded(clock.instant(), actor, holiday)));
        LOG.info(() -> "Admin " + actor + " added the holiday " + date);
    }

    public void removeHoliday(LocalDate date) {
        String actor = actor();
        book.changeSchedule(actor, ChangeType.HOLIDAY_REMOVED, schedule -> schedule.holiday(date).isEmpty() ? schedule
                : schedule.withoutHoliday(date).recorded(ScheduleChange.holidayRemoved(clock.instant(), actor, date)));
    }

    /** Sets the doctor's plan from its date on; answers the booked appointments it leaves outside working hours. */
    public List<Appointment> setPlan(String doctorId, WeeklyPlan plan) {
        book.doctor(doctorId).orElseThrow(() -> new BookingException("booking.doctor.unknown"));
        requireNotPast(plan.from());
        String actor = actor();
        book.changeSchedule(actor, ChangeType.PLAN_SET, schedule -> schedule.withPlan(doctorId, plan)
                .recorded(ScheduleChange.planSet(clock.instant(), actor, doctorId, plan)));
        LOG.info(() -> "Admin " + actor + " set a working plan for doctor " + doctorId + " from " + plan.from());
        return outsideWorkingHours().stream().filter(a -> a.getDoctorId().equals(doctorId)).toList();
    }

    /** Takes the doctor off patients' search and booking, or back; their upcoming bookings are then listed. */
    public void setDoctorActive(String doctorId, boolean active) {
        book.doctor(doctorId).orElseThrow(() -> new BookingException("booking.doctor.unknown"));
        String actor = actor();
        book.changeSchedule(actor, active ? ChangeType.DOCTOR_REACTIVATED : ChangeType.DOCTOR_DEACTIVATED,
                schedule -> schedule.withDoctorActive(doctorId, active)
                        .recorded(ScheduleChange.doctorActive(clock.instant(), actor, doctorId, active)));
        LOG.info(() -> "Admin " + actor + (active ? " reactivated" : " deactivated") + " doctor " + doctorId);
    }

    /** The doctor's booked appointments a leave would cancel: upcoming, owning their slot, in its dates. */
    public List<Appointment> affectedByLeave(Leave leave) {
        leave.typed();
        book.doctor(leave.doctorId()).orElseThrow(() -> new BookingException("booking.doctor.unknown"));
        requireNotPast(leave.from());
        ClinicRules rules = config.rules();
        Instant now = clock.instant();
        List<Appointment> affected = new ArrayList<>();
        for (LocalDate date = leave.from(); !date.isAfter(leave.to()); date = date.plusDays(1)) {
            for (Appointment a : book.appointmentsOf(leave.doctorId(), date)) {
                if (a.holdsSlot(now) && a.getStatus() != AppointmentStatus.ARRIVED
                        && a.getStatus() != AppointmentStatus.COMPLETED
                        && rules.startOf(a).isAfter(now)) {
                    affected.add(a);
                }
            }
        }
        affected.sort(Comparator.comparing((Appointment a) -> rules.startOf(a)));
        return affected;
    }

    /**
     * Puts the doctor on leave (no slots in its dates from now on), then cancels the appointments it covers for
     * the clinic, refunding paid ones; each patient is offered to move theirs. Answers those cancelled. Their card
     * payments, each noted as owed with its refund, are given back through the gateway just after this request,
     * not during it.
     */
    public List<Appointment> placeLeave(Leave leave) {
        List<Appointment> before = affectedByLeave(leave);
        String actor = actor();
        book.changeSchedule(actor, ChangeType.LEAVE_PLACED, schedule -> schedule.withLeave(leave)
                .recorded(ScheduleChange.leavePlaced(clock.instant(), actor, leave)));
        List<Appointment> cancelled = new ArrayList<>();
        for (Appointment a : affectedByLeave(leave)) {
            try {
                cancelled.add(book.change(a.getId(), actor, ChangeType.CANCELLED,
                        current -> current.cancelledForLeave(leave.reason(), clock.instant(), actor)));
            } catch (BookingException changedMeanwhile) {
                LOG.info(() -> "Appointment " + a.getId() + " was no longer cancellable for the leave");
            }
        }
        if (cancelled.stream().anyMatch(a -> !ChargeReversals.owed(a).isEmpty())) {
            owedReversals.soon();
        }
        LOG.info(() -> "Admin " + actor + " put doctor " + leave.doctorId() + " on leave " + leave.from() + " to "
                + leave.to() + "; " + cancelled.size() + " appointments cancelled (" + before.size() + " previewed)");
        return cancelled;
    }

    /**
     * Upcoming appointments that own a slot the doctor no longer works (a holiday, a day off, other hours), by
     * date: the admin moves or cancels them.
     */
    public List<Appointment> outsideWorkingHours() {
        ClinicSchedule schedule = book.schedule();
        ClinicSchedule.DefaultWeek week = config.defaultWeek();
        ClinicRules rules = config.rules();
        Instant now = clock.instant();
        List<Appointment> outside = new ArrayList<>();
        for (Doctor doctor : book.doctors()) {
            for (LocalDate date : rules.bookableDates(now)) {
                List<String> worked = schedule.slotTimes(doctor.getId(), date, week);
                for (Appointment a : book.appointmentsOf(doctor.getId(), date)) {
                    if (a.holdsSlot(now) && !worked.contains(a.getTime()) && rules.startOf(a).isAfter(now)) {
                        outside.add(a);
                    }
                }
            }
        }
        outside.sort(Comparator.comparing((Appointment a) -> rules.startOf(a)));
        return outside;
    }

    private void requireNotPast(LocalDate date) {
        LocalDate today = today();
        if (date.isBefore(today) || !DateLimits.isWithin(date, today)) {
            throw new BookingException("schedule.date.past_or_far");
        }
    }

    private String actor() {
        return context.getCallerPrincipal().getName();
    }
}
