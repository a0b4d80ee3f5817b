package org.clinic.appointments.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A doctor's working week from a date on: the days they work and how; a day without a plan is not worked. */
public record WeeklyPlan(LocalDate from, Map<DayOfWeek, DayPlan> days) {

    public WeeklyPlan {
        Objects.requireNonNull(from, "from");
        EnumMap<DayOfWeek, DayPlan> copy = new EnumMap<>(DayOfWeek.class);
        copy.putAll(days);
        days = Collections.unmodifiableMap(copy);
    }

    public List<String> slotTimes(DayOfWeek day) {
        DayPlan plan = days.get(day);
        return plan == null ? List.of() : plan.slotTimes();
    }
}
