package org.clinic.appointments.infrastructure.memory;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Counts with a short window, however many, never make a count with a longer window forget its events. */
class MemoryAbuseCountsTest {

    private static final Instant START = Instant.parse("2026-11-24T06:00:00Z");

    @Test
    void manyKeysOfAShortWindowDoNotEraseAnHoursCount() {
        MemoryAbuseCounts counts = new MemoryAbuseCounts();
        Duration hour = Duration.ofHours(1);
        assertTrue(counts.admit("mail to asha", START, 1, hour).isEmpty());
        Instant later = START.plus(Duration.ofMinutes(20));
        for (int i = 0; i <= MemoryAbuseCounts.MAX_TRACKED + 1; i++) {
            counts.admit("own account changes p" + i, later, 30, Duration.ofMinutes(10));
        }
        assertTrue(counts.admit("mail to asha", START.plus(Duration.ofMinutes(30)), 1, hour).isPresent(),
                "the hour's one mail is still counted");
        assertTrue(counts.admit("mail to asha", START.plus(Duration.ofMinutes(61)), 1, hour).isEmpty(),
                "and forgotten once the hour has passed");
    }
}
