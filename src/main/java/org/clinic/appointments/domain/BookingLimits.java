package org.clinic.appointments.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

/**
 * How much one patient may hold and change, so that no account can hoard a clinic's slots or rewrite its
 * bookings without end. The store checks a new hold against the patient's appointments as stored, under the
 * same lock as the write: open (unpaid) holds, active upcoming bookings in all, per doctor and per day, and never
 * two appointments at the same time. A patient's own changes are checked there too: how many they made in a time
 * window, and the day a move lands on. Reschedules per appointment are checked by the move itself.
 */
public record BookingLimits(int maxOpenHolds, int maxActive, int maxPerDoctor, int maxPerDay, int maxReschedules,
        int maxChanges, Duration changeWindow, ZoneId zone) {

    private static final int NO_LIMIT = Integer.MAX_VALUE;

    public BookingLimits {
        if (maxOpenHolds < 1 || maxActive < 1 || maxPerDoctor < 1 || maxPerDay < 1 || maxReschedules < 0
                || maxChanges < 1) {
            throw new IllegalArgumentException("Booking limits must allow at least one booking and one change");
        }
        if (changeWindow.isNegative() || changeWindow.isZero()) {
            throw new IllegalArgumentException("The window for counting changes must be positive");
        }
    }

    /** Only the open holds are limited (for tools and tests of the store). */
    public BookingLimits(int maxOpenHolds) {
        this(maxOpenHolds, NO_LIMIT, NO_LIMIT, NO_LIMIT, NO_LIMIT, NO_LIMIT, Duration.ofMinutes(10), ZoneOffset.UTC);
    }

    /**
     * The limits of a booking an admin makes at the front desk: none of the patient's own (the admin sees them,
     * see {@link #exceededBy}); never two appointments of one patient at the same time.
     */
    public BookingLimits atFrontDesk() {
        return new BookingLimits(NO_LIMIT, NO_LIMIT, NO_LIMIT, NO_LIMIT, maxReschedules, maxChanges, changeWindow, zone);
    }

    /** The first of the patient's own limits this booking would go beyond, if any (for the admin to see). */
    public java.util.Optional<BookingException> exceededBy(Appointment candidate,
            Collection<Appointment> patientAppointments, Instant now) {
        try {
            List<Appointment> active = upcoming(candidate, patientAppointments, now);
            if (active.size() >= maxActive) {
                throw new BookingException("booking.limit.active", maxActive);
            }
            if (active.stream().filter(a -> a.getDoctorId().equals(candidate.getDoctorId())).count() >= maxPerDoctor) {
                throw new BookingException("booking.limit.doctor", maxPerDoctor);
            }
            requireRoomOnDay(candidate, candidate.getDate(), active);
            return java.util.Optional.empty();
        } catch (BookingException beyond) {
            return java.util.Optional.of(beyond);
        }
    }

    /** Refuses a new hold the patient's current appointments leave no room for. */
    public void requireRoomForHold(Appointment candidate, Collection<Appointment> patientAppointments, Instant now) {
        requireNoClash(candidate, patientAppointments, now);
        long openHolds = patientAppointments.stream()
                .filter(a -> a.getStatus() == AppointmentStatus.PENDING_PAYMENT && a.holdsSlot(now))
                .count();
        if (openHolds >= maxOpenHolds) {
            throw new BookingException("booking.holds.too_many", maxOpenHolds);
        }
        List<Appointment> active = upcoming(candidate, patientAppointments, now);
        if (active.size() >= maxActive) {
            throw new BookingException("booking.limit.active", maxActive);
        }
        if (active.stream().filter(a -> a.getDoctorId().equals(candidate.getDoctorId())).count() >= maxPerDoctor) {
            throw new BookingException("booking.limit.doctor", maxPerDoctor);
        }
        requireRoomOnDay(candidate, candidate.getDate(), active);
    }

    /** Refuses moving {@code current} to {@code date} when the patient's bookings that day are at the limit. */
    public void requireRoomForMove(Appointment current, LocalDate date, Collection<Appointment> patientAppointments,
            Instant now) {
        if (!date.equals(current.getDate())) {
            requireRoomOnDay(current, date, upcoming(current, patientAppointments, now));
        }
    }

    private void requireRoomOnDay(Appointment candidate, LocalDate date, List<Appointment> active) {
        if (active.stream().filter(a -> a.getDate().equals(date)).count() >= maxPerDay) {
            throw new BookingException("booking.limit.day", maxPerDay, date);
        }
    }

    /** The patient's other appointments that keep a slot now and have not begun. */
    private List<Appointment> upcoming(Appointment candidate, Collection<Appointment> patientAppointments,
            Instant now) {
        return patientAppointments.stream()
                .filter(a -> !a.getId().equals(candidate.getId()) && a.holdsSlot(now) && startOf(a).isAfter(now))
                .toList();
    }

    private Instant startOf(Appointment a) {
        try {
            return a.getDate().atTime(ClinicRules.parseTime(a.getTime())).atZone(zone).toInstant();
        } catch (IllegalArgumentException unreadableTime) {
            return a.getDate().atStartOfDay(zone).toInstant();
        }
    }

    /** Refuses another reschedule of an appointment moved {@link #maxReschedules} times already. */
    public void requireRescheduleAllowed(Appointment appointment) {
        long moves = appointment.getHistory().stream().filter(h -> "rescheduled".equals(h.getAction())).count();
        if (moves >= maxReschedules) {
            throw new BookingException("appointment.reschedule.limit", maxReschedules);
        }
    }

    /** Refuses a change by an account that made {@link #maxChanges} changes within the last {@link #changeWindow}. */
    public void requireChangeRate(String actor, Collection<Appointment> patientAppointments, Instant now) {
        Instant since = now.minus(changeWindow);
        long recent = patientAppointments.stream().flatMap(a -> a.getHistory().stream())
                .filter(h -> actor.equals(h.getActor()) && h.getAt() != null && h.getAt().isAfter(since))
                .count();
        if (recent >= maxChanges) {
            throw new BookingException("account.changes.too_many", maxChanges, changeWindow.toMinutes());
        }
    }

    /** Whether this actor's changes count against the patient's change rate: only the patient's own do. */
    public boolean limitsChangesBy(String actor, String patientId) {
        return maxChanges != NO_LIMIT && actor.equals(patientId);
    }

    /**
     * Refuses a patient's own change of {@code current} into {@code next} beyond their limits: too many changes in
     * the window, or a move onto a day that already has as many of their bookings as a day may.
     */
    public void requireRoomForOwnChange(Appointment current, Appointment next,
            Collection<Appointment> patientAppointments, Instant now) {
        requireChangeRate(current.getUserId(), patientAppointments, now);
        if (next.holdsSlot(now)) {
            requireRoomForMove(current, next.getDate(), patientAppointments, now);
        }
    }

    /** Refuses a slot at the same date and time as another live appointment of the same patient. */
    public static void requireNoClash(Appointment candidate, Collection<Appointment> patientAppointments,
            Instant now) {
        for (Appointment other : patientAppointments) {
            if (!other.getId().equals(candidate.getId()) && other.holdsSlot(now)
                    && other.getDate().equals(candidate.getDate()) && other.getTime().equals(candidate.getTime())) {
                throw new BookingException("booking.patient.same_time", candidate.getDate(), candidate.getTime());
            }
        }
    }
}
