package org.clinic.appointments.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SlotKeyTest {

    @Test
    void equalSlotsAreOneKeyAndDifferentSlotsDiffer() {
        LocalDate day = LocalDate.of(2026, 12, 3);
        assertEquals(new SlotKey("doc1", day, "09:00 AM"), new SlotKey("doc1", day, "09:00 AM"));
        assertEquals(new SlotKey("doc1", day, "09:00 AM").hashCode(), new SlotKey("doc1", day, "09:00 AM").hashCode());
        assertNotEquals(new SlotKey("doc1", day, "09:00 AM"), new SlotKey("doc2", day, "09:00 AM"));
        assertNotEquals(new SlotKey("doc1", day, "09:00 AM"), new SlotKey("doc1", day.plusDays(1), "09:00 AM"));
        assertNotEquals(new SlotKey("doc1", day, "09:00 AM"), new SlotKey("doc1", day, "09:30 AM"));
    }

    /** The ledger's slot index is a hash map over every appointment's slot: keys sharing a code are searched one by one. */
    @Test
    void aYearOfEveryDoctorsHalfHourSlotsSpreadOverDistinctHashCodes() {
        LocalDate first = LocalDate.of(2026, 1, 1);
        Map<Integer, Integer> slotsPerCode = new HashMap<>();
        int slots = 0;
        for (int doctor = 1; doctor <= 100; doctor++) {
            for (int day = 0; day < 365; day++) {
                for (int minute = 8 * 60; minute < 20 * 60; minute += 30) {
                    int hour = minute / 60 % 12 == 0 ? 12 : minute / 60 % 12;
                    String time = "%02d:%02d %s".formatted(hour, minute % 60, minute < 12 * 60 ? "AM" : "PM");
                    slotsPerCode.merge(new SlotKey("doc" + doctor, first.plusDays(day), time).hashCode(), 1, Integer::sum);
                    slots++;
                }
            }
        }
        int most = slotsPerCode.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertTrue(slotsPerCode.size() > slots * 0.99, slotsPerCode.size() + " codes for " + slots + " slots");
        assertTrue(most <= 3, "at most 3 slots share a code, not " + most);
    }
}
