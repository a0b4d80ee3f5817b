package org.clinic.appointments.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * One change of the clinic's schedule, a row of the audit trail: when, who, what ({@link ChangeType}), the doctor
 * it concerns (none for a holiday) and what was set, in words.
 */
public record ScheduleChange(Instant at, String actor, ChangeType action, String doctorId, String detail) {

    public ScheduleChange {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        detail = detail == null ? "" : detail;
    }

    public static ScheduleChange holidayAdded(Instant at, String actor, Holiday holiday) {
        return new ScheduleChange(at, actor, ChangeType.HOLIDAY_ADDED, null, holiday.date() + " " + holiday.name());
    }

    public static ScheduleChange holidayRemoved(Instant at, String actor, LocalDate date) {
        return new ScheduleChange(at, actor, ChangeType.HOLIDAY_REMOVED, null, date.toString());
    }

    public static ScheduleChange leavePlaced(Instant at, String actor, Leave leave) {
        return new ScheduleChange(at, actor, ChangeType.LEAVE_PLACED, leave.doctorId(),
                leave.from() + " – " + leave.to() + ": " + leave.reason());
    }

    public static ScheduleChange doctorActive(Instant at, String actor, String doctorId, boolean active) {
        return new ScheduleChange(at, actor, active ? ChangeType.DOCTOR_REACTIVATED : ChangeType.DOCTOR_DEACTIVATED,
                doctorId, "");
    }

    /** A plan in words: "from 2026-12-07: Mon 09:00–17:00 every 30 min (break 13:00–14:00), …; other days off". */
    public static ScheduleChange planSet(Instant at, String actor, String doctorId, WeeklyPlan plan) {
        StringJoiner days = new StringJoiner("; ", "from " + plan.from() + ": ", "");
        days.setEmptyValue("from " + plan.from() + ": no working day");
        for (Map.Entry<DayOfWeek, DayPlan> day : plan.days().entrySet()) {
            DayPlan d = day.getValue();
            days.add(day.getKey().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + d.start() + "–"
                    + d.end() + " every " + d.slotMinutes() + " min"
                    + (d.breakStart() == null ? "" : " (break " + d.breakStart() + "–" + d.breakEnd() + ")"));
        }
        return new ScheduleChange(at, actor, ChangeType.PLAN_SET, doctorId, days.toString());
    }
}
