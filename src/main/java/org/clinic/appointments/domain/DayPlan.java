package org.clinic.appointments.domain;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One working day of a doctor's week: slots of {@code slotMinutes} from {@code start} until {@code end} (the last
 * slot ends by then), none overlapping the break when there is one.
 */
public record DayPlan(LocalTime start, LocalTime end, int slotMinutes, LocalTime breakStart, LocalTime breakEnd) {

    public static final int MIN_SLOT_MINUTES = 5;
    public static final int MAX_SLOT_MINUTES = 240;
    private static final DateTimeFormatter SLOT_TIME = DateTimeFormatter.ofPattern("hh:mm a", Locale.ENGLISH);

    /** @throws BookingException with the message key of the first thing wrong */
    public DayPlan {
        if (start == null || end == null) {
            throw new BookingException("schedule.plan.times_required");
        }
        if (!start.isBefore(end)) {
            throw new BookingException("schedule.plan.end_before_start");
        }
        if (slotMinutes < MIN_SLOT_MINUTES || slotMinutes > MAX_SLOT_MINUTES) {
            throw new BookingException("schedule.plan.slot_length", MIN_SLOT_MINUTES, MAX_SLOT_MINUTES);
        }
        if ((breakStart == null) != (breakEnd == null)) {
            throw new BookingException("schedule.plan.break_incomplete");
        }
        if (breakStart != null && (!breakStart.isBefore(breakEnd) || breakStart.isBefore(start) || breakEnd.isAfter(end))) {
            throw new BookingException("schedule.plan.break_outside");
        }
        if (minutes(start) + slotMinutes > minutes(end)) {
            throw new BookingException("schedule.plan.no_slot");
        }
    }

    /** The slot times of the day, like {@code 09:00 AM}. */
    public List<String> slotTimes() {
        List<String> times = new ArrayList<>();
        int last = minutes(end);
        for (int slot = minutes(start); slot + slotMinutes <= last; slot += slotMinutes) {
            boolean inBreak = breakStart != null && slot < minutes(breakEnd) && slot + slotMinutes > minutes(breakStart);
            if (!inBreak) {
                times.add(LocalTime.ofSecondOfDay(slot * 60L).format(SLOT_TIME));
            }
        }
        return times;
    }

    private static int minutes(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DayPlan p && start.equals(p.start) && end.equals(p.end) && slotMinutes == p.slotMinutes
                && Objects.equals(breakStart, p.breakStart) && Objects.equals(breakEnd, p.breakEnd);
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, end, slotMinutes, breakStart, breakEnd);
    }
}
