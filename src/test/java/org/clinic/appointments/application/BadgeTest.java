package org.clinic.appointments.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The day badges' thresholds: under 50 %, 50–74 %, 75–99 %, full. */
class BadgeTest {

    @ParameterizedTest(name = "{0} of {1} taken, {2} free -> {3}")
    @CsvSource({
        "0, 8, 8, AVAILABLE",
        "3, 8, 5, AVAILABLE",
        "4, 8, 4, FILLING_FAST",
        "5, 8, 3, FILLING_FAST",
        "6, 8, 2, ALMOST_FULL",
        "7, 8, 1, ALMOST_FULL",
        "8, 8, 0, FULL",
        "2, 8, 0, FULL",
        "74, 100, 26, FILLING_FAST",
        "75, 100, 25, ALMOST_FULL",
        "49, 100, 51, AVAILABLE",
    })
    void badgeFollowsTheShareOfTakenSlots(int taken, int total, int free, Badge expected) {
        assertEquals(expected, Badge.of(taken, total, free));
    }
}
