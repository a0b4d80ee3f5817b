package org.clinic.appointments.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** A waitlist place covers days a slot can come free on: at least one day the doctor works. */
class UserWaitlistTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    private static final LocalDateRange BOOKABLE = new LocalDateRange(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 31));

    private static User patient() {
        User user = new User();
        user.setId("u1");
        user.setRole(Role.PATIENT);
        return user;
    }

    private static WaitRequest place(LocalDate from, LocalDate to) {
        return new WaitRequest("w-" + from + "-" + to, "doc1", from, to, NOW);
    }

    private static boolean weekdays(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    @Test
    void daysTheDoctorDoesNotWorkAloneAreRefused() {
        LocalDate saturday = MONDAY.minusDays(2);
        BookingException refused = assertThrows(BookingException.class,
                () -> patient().joinedWaitlist(place(saturday, saturday.plusDays(1)), BOOKABLE, UserWaitlistTest::weekdays));
        assertEquals("waitlist.no_working_day", refused.getMessageKey());
    }

    @Test
    void aRangeWithOneWorkedDayIsAPlace() {
        User joined = patient().joinedWaitlist(place(MONDAY.minusDays(2), MONDAY), BOOKABLE, UserWaitlistTest::weekdays);
        assertEquals(1, joined.getWaitlist(BOOKABLE.first()).size());
    }

    @Test
    void datesOutsideTheBookableDaysAreRefusedFirst() {
        BookingException refused = assertThrows(BookingException.class,
                () -> patient().joinedWaitlist(place(MONDAY, MONDAY.plusDays(60)), BOOKABLE, day -> false));
        assertEquals("waitlist.dates", refused.getMessageKey());
    }
}
