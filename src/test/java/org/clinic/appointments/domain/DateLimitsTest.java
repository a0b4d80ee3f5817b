package org.clinic.appointments.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class DateLimitsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @Test
    void filtersAcceptFrom1900ToAHundredYearsAhead() {
        assertTrue(DateLimits.isWithin(LocalDate.of(1900, 1, 1), TODAY));
        assertTrue(DateLimits.isWithin(TODAY, TODAY));
        assertTrue(DateLimits.isWithin(LocalDate.of(2126, 12, 2), TODAY));
        assertFalse(DateLimits.isWithin(LocalDate.of(1899, 12, 31), TODAY));
        assertFalse(DateLimits.isWithin(LocalDate.of(2126, 12, 3), TODAY));
        assertFalse(DateLimits.isWithin(LocalDate.MAX, TODAY));
        assertFalse(DateLimits.isWithin(LocalDate.MIN, TODAY));
    }
}
