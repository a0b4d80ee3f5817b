package org.clinic.appointments.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.clinic.appointments.domain.AdminAction;
import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.AppointmentQuery;
import org.clinic.appointments.domain.AppointmentSort;
import org.clinic.appointments.domain.AppointmentStatus;
import org.clinic.appointments.domain.AuditEntry;
import org.clinic.appointments.domain.AuditQuery;
import org.clinic.appointments.domain.ClinicFigures;
import org.clinic.appointments.domain.ClinicRules;
import org.clinic.appointments.domain.Page;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.infrastructure.config.AppConfig;
import org.clinic.appointments.domain.port.AppointmentBook;
import org.clinic.appointments.infrastructure.metrics.ClinicMetrics;
import org.clinic.appointments.security.Roles;
import org.clinic.appointments.domain.WaitlistPlace;
import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.port.Postbox;

/** What the clinic's admins see and do: figures, appointment lists, the timetable, actions, the audit trail. */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class ClinicAdministration {

    public static final String SYSTEM = "system";


    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    @Inject
    AppointmentBook book;

    @Inject
    ChargeRecording charges;

    @Inject
    ClinicMetrics metrics;

    @Inject
    AppConfig config;

    @Inject
    Postbox postbox;

    /** Whether messages leave the outbox (a mail server is configured). */
    public boolean mailConfigured() {
        return postbox.isConfigured();
    }

    public ClinicFigures figures() {
        return book.figures();
    }

    public Page<Appointment> search(AppointmentQuery query, AppointmentSort sort, boolean ascending, int first,
            int size) {
        return book.search(query, sort, ascending, first, size);
    }

    public Page<AuditEntry> audit(AuditQuery query, int first, int size) {
        return book.audit(query, first, size);
    }

    public List<User> admins() {
        return book.admins();
    }

    public Appointment appointment(String id) {
        return book.appointment(id).orElseThrow(AppointmentNotFoundException::new);
    }

    /** The actions the pages offer for this appointment now. */
    public Set<AdminAction> actions(Appointment appointment) {
        return AdminAction.allowedOn(appointment, config.rules(), clock.instant());
    }

    /**
     * Takes the action on the stored state of the appointment, durably, in the caller's name; refused with a
     * {@link BookingException} when the rules do not allow it now.
     */
    public Appointment act(String appointmentId, AdminAction action, String note) {
        if (book.appointment(appointmentId).isEmpty()) {
            throw new AppointmentNotFoundException();
        }
        String actor = context.getCallerPrincipal().getName();
        ClinicRules rules = config.rules();
        Appointment changed = book.change(appointmentId, actor, ChangeType.of(action),
                current -> current.byAdmin(action, note, rules, clock.instant(), actor));
        metrics.adminAction(action);
        return charges.givenBackNow(changed);
    }

    /** Moves the appointment to another free, worked slot of its doctor, in the admin's name (see {@link Appointment#movedByClinic}). */
    public Appointment move(String appointmentId, LocalDate date, String time) {
        Appointment appointment = appointment(appointmentId);
        if (date == null || time == null) {
            throw new BookingException("booking.slot.choose");
        }
        String actor = context.getCallerPrincipal().getName();
        List<String> offered = book.schedule().slotTimes(appointment.getDoctorId(), date, config.defaultWeek());
        return book.change(appointmentId, actor, ChangeType.RESCHEDULED,
                current -> current.movedByClinic(date, time, offered, config.rules(), clock.instant(), actor));
    }

    /** Names for the actors of history entries: user ids become the user's name, the system stays itself. */
    public Map<String, String> actorNames(Collection<String> actorIds) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String id : actorIds) {
            if (id != null && !names.containsKey(id)) {
                names.put(id, SYSTEM.equals(id) ? SYSTEM : book.user(id).map(User::getName).orElse(id));
            }
        }
        return names;
    }

    /** Every slot of one doctor's day, with what occupies it. */
    public List<TimetableSlot> timetable(String doctorId, LocalDate date) {
        ClinicRules rules = config.rules();
        Instant now = clock.instant();
        List<Appointment> ofDay = book.appointmentsOf(doctorId, date);
        List<TimetableSlot> slots = new ArrayList<>();
        List<String> times = new ArrayList<>(book.schedule().slotTimes(doctorId, date, config.defaultWeek()));
        ofDay.stream().filter(a -> a.holdsSlot(now) && !times.contains(a.getTime())).map(Appointment::getTime)
                .distinct().forEach(times::add);
        times.sort(java.util.Comparator.comparing(t -> safeTime(t)));
        for (String time : times) {
            Appointment occupant = ofDay.stream().filter(a -> time.equals(a.getTime()) && a.holdsSlot(now))
                    .findFirst()
                    .or(() -> ofDay.stream().filter(a -> time.equals(a.getTime())
                            && a.getStatus() == AppointmentStatus.NO_SHOW).findFirst())
                    .orElse(null);
            if (occupant == null) {
                boolean past = !rules.startOf(date, time).isAfter(now);
                slots.add(new TimetableSlot(time, past ? TimetableSlot.Kind.PAST : TimetableSlot.Kind.AVAILABLE,
                        null, 0, Set.of()));
            } else if (occupant.getStatus() == AppointmentStatus.PENDING_PAYMENT) {
                long left = occupant.getHoldExpiresAt() == null ? 0
                        : Math.max(0, Duration.between(now, occupant.getHoldExpiresAt()).toSeconds());
                slots.add(new TimetableSlot(time, TimetableSlot.Kind.HELD, occupant, left,
                        AdminAction.allowedOn(occupant, rules, now)));
            } else {
                slots.add(new TimetableSlot(time, TimetableSlot.Kind.BOOKED, occupant, 0,
                        AdminAction.allowedOn(occupant, rules, now)));
            }
        }
        return slots;
    }

    private static java.time.LocalTime safeTime(String time) {
        try {
            return ClinicRules.parseTime(time);
        } catch (IllegalArgumentException e) {
            return java.time.LocalTime.MIDNIGHT;
        }
    }

    /** The day's appointments that no longer own a slot (cancelled, expired, declined), latest slot first. */
    /** Who waits for a slot of this doctor on this day, first in line first. */
    public List<WaitlistPlace> waitlist(String doctorId, LocalDate date) {
        return book.waitlist(doctorId, date);
    }

    public List<Appointment> cancelledOn(String doctorId, LocalDate date) {
        return book.appointmentsOf(doctorId, date).stream()
                .filter(a -> a.getStatus() == AppointmentStatus.CANCELLED)
                .sorted(AppointmentSort.SLOT.comparator(true))
                .toList();
    }

    /** Appointments for the calendar between two dates (inclusive), at most {@code limit}, by slot. */
    public Page<Appointment> calendar(String doctorId, LocalDate from, LocalDate to, int limit) {
        return book.search(AppointmentQuery.all().withDoctor(doctorId).withDates(from, to), AppointmentSort.SLOT,
                true, 0, limit);
    }
}
