package org.clinic.appointments.web.admin;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Collection;

import org.clinic.appointments.domain.DayPlan;

/**
 * The hours a calendar's day and week show: whole hours from the earliest slot to the end of the latest, over the
 * doctors' working plans and the clinic's default slots. Appointments outside them widen the view in the browser.
 */
public record CalendarHours(int firstHour, int endHour) {

    private static final int MINUTES_IN_DAY = 24 * 60;

    public CalendarHours {
        if (firstHour < 0 || endHour > 24 || firstHour >= endHour) {
            throw new IllegalArgumentException("No hours from " + firstHour + " to " + endHour);
        }
    }

    /** Every hour of the day, for a clinic with no slot at all. */
    public static final CalendarHours WHOLE_DAY = new CalendarHours(0, 24);

    public static CalendarHours covering(Collection<DayPlan> plans, Collection<LocalTime> defaultSlots, Duration visit) {
        int first = MINUTES_IN_DAY;
        int end = 0;
        for (DayPlan plan : plans) {
            first = Math.min(first, minutes(plan.start()));
            end = Math.max(end, minutes(plan.end()));
        }
        long visitMinutes = visit.toMinutes();
        for (LocalTime slot : defaultSlots) {
            first = Math.min(first, minutes(slot));
            end = (int) Math.max(end, Math.min(MINUTES_IN_DAY, minutes(slot) + visitMinutes));
        }
        if (first >= end) {
            return WHOLE_DAY;
        }
        return new CalendarHours(first / 60, Math.min(24, (end + 59) / 60));
    }

    /** As FullCalendar's {@code slotMinTime}. */
    public String start() {
        return "%02d:00:00".formatted(firstHour);
    }

    /** As FullCalendar's {@code slotMaxTime}; {@code 24:00:00} for midnight. */
    public String end() {
        return "%02d:00:00".formatted(endHour);
    }

    private static int minutes(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }
}
