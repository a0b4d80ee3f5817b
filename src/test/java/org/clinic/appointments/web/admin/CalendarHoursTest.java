package org.clinic.appointments.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import org.clinic.appointments.domain.DayPlan;
import org.junit.jupiter.api.Test;

class CalendarHoursTest {

    private static final Duration HALF_HOUR = Duration.ofMinutes(30);
    private static final List<LocalTime> DEFAULT_SLOTS = List.of(LocalTime.of(9, 0), LocalTime.of(17, 0));

    @Test
    void theDefaultSlotsFromTheFirstStartToTheLastVisitsEnd() {
        CalendarHours hours = CalendarHours.covering(List.of(), DEFAULT_SLOTS, HALF_HOUR);
        assertEquals("09:00:00", hours.start());
        assertEquals("18:00:00", hours.end(), "the 5 PM visit ends at 5:30, so the hour until 6 is shown");
    }

    @Test
    void aPlanStartingEarlierOrEndingLaterWidensThemToWholeHours() {
        DayPlan early = new DayPlan(LocalTime.of(6, 45), LocalTime.of(12, 0), 15, null, null);
        DayPlan evening = new DayPlan(LocalTime.of(16, 0), LocalTime.of(20, 10), 10, null, null);
        CalendarHours hours = CalendarHours.covering(List.of(early, evening), DEFAULT_SLOTS, HALF_HOUR);
        assertEquals("06:00:00", hours.start());
        assertEquals("21:00:00", hours.end());
    }

    @Test
    void aLateSlotEndsAtMidnightAtTheLatest() {
        CalendarHours hours = CalendarHours.covering(List.of(), List.of(LocalTime.of(23, 45)), Duration.ofHours(1));
        assertEquals("23:00:00", hours.start());
        assertEquals("24:00:00", hours.end());
    }

    @Test
    void withoutAnySlotTheWholeDay() {
        CalendarHours hours = CalendarHours.covering(List.of(), List.of(), HALF_HOUR);
        assertEquals("00:00:00", hours.start());
        assertEquals("24:00:00", hours.end());
    }
}
