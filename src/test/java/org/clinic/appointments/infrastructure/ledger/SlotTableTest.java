package org.clinic.appointments.infrastructure.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.clinic.appointments.domain.SlotKey;
import org.junit.jupiter.api.Test;

/**
 * The slots' owners answer as a map of {@link SlotKey}s does, through growth, removals and slots a minute, a day or a
 * doctor apart, and for slots of unusual form (another way of writing a time, a date far off) as well.
 */
class SlotTableTest {

    private static final List<SlotKey> SLOTS = slots();

    @Test
    void answersAsAMapThroughPutsRemovalsAndGrowth() {
        Random random = new Random(42);
        SlotTable table = new SlotTable(4);
        Map<SlotKey, Integer> oracle = new HashMap<>();
        for (int step = 0; step < 300_000; step++) {
            SlotKey slot = SLOTS.get(random.nextInt(SLOTS.size()));
            int row = random.nextInt(1_000);
            switch (random.nextInt(3)) {
                case 0, 1 -> {
                    table.put(slot, row);
                    oracle.put(slot, row);
                }
                default -> {
                    Integer current = oracle.get(slot);
                    int named = current != null && random.nextBoolean() ? current : row;
                    table.remove(slot, named);
                    oracle.remove(slot, named);
                }
            }
            if (step % 20_000 == 0) {
                assertSame(oracle, table);
            }
        }
        assertSame(oracle, table);
    }

    @Test
    void aTimeWrittenAnotherWayIsAnotherSlot() {
        SlotTable table = new SlotTable(16);
        LocalDate day = LocalDate.of(2026, 12, 7);
        table.put(new SlotKey("doc1", day, "09:00 AM"), 1);
        table.put(new SlotKey("doc1", day, "09:00"), 2);
        table.put(new SlotKey("doc1", day, "9:00 AM"), 3);
        assertEquals(1, table.get(new SlotKey("doc1", day, "09:00 AM")));
        assertEquals(2, table.get(new SlotKey("doc1", day, "09:00")));
        assertEquals(3, table.get(new SlotKey("doc1", day, "9:00 AM")));
        assertEquals(SlotTable.ABSENT, table.get(new SlotKey("doc1", day, "09:01 AM")));
        assertEquals(SlotTable.ABSENT, table.get(new SlotKey("doc1", day, "09:00 PM")));
        assertEquals(SlotTable.ABSENT, table.get(new SlotKey("doc2", day, "09:00 AM")));
        table.remove(new SlotKey("doc1", day, "09:00"), 2);
        table.remove(new SlotKey("doc1", day, "9:00 AM"), 3);
        assertEquals(1, table.get(new SlotKey("doc1", day, "09:00 AM")));
        assertEquals(1, table.size());
    }

    @Test
    void eachWayOfWritingATimeHasNumbersOfItsOwn() {
        assertEquals(0, SlotTable.minuteOf("12:00 AM"));
        assertEquals(9 * 60 + 30, SlotTable.minuteOf("09:30 AM"));
        assertEquals(12 * 60, SlotTable.minuteOf("12:00 PM"));
        assertEquals(23 * 60 + 59, SlotTable.minuteOf("11:59 PM"));
        assertEquals(24 * 60, SlotTable.minuteOf("00:00"));
        assertEquals(24 * 60 + 9 * 60 + 30, SlotTable.minuteOf("09:30"));
        assertEquals(24 * 60 + 23 * 60 + 59, SlotTable.minuteOf("23:59"));
        for (String other : List.of("9:30", "24:00", "09:60", "09.30", "09:30:00", "0a:30", "", "-1:00", "00:30 AM",
                "13:00 PM", "09:30 am", "09:30 XM", "9:30 AM", "09:30  AM")) {
            assertEquals(-1, SlotTable.minuteOf(other), other);
        }
    }

    /** Neighbouring slots of a few doctors (one of them only ever with unusual slots), and slots of unusual form. */
    private static List<SlotKey> slots() {
        List<SlotKey> slots = new ArrayList<>();
        List<LocalDate> days = List.of(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 8), LocalDate.of(1969, 12, 31),
                LocalDate.of(1970, 1, 1), LocalDate.ofEpochDay((1L << 25) - 1), LocalDate.ofEpochDay(-(1L << 25)));
        List<String> times = List.of("12:00 AM", "09:00 AM", "09:01 AM", "12:00 PM", "09:00 PM", "11:59 PM", "00:00",
                "09:00", "09:01", "12:00", "21:00", "23:59");
        for (String doctor : List.of("doc1", "doc2", "Aa", "BB")) {
            for (LocalDate day : days) {
                for (String time : times) {
                    slots.add(new SlotKey(doctor, day, time));
                }
            }
        }
        for (String doctor : List.of("doc1", "only-unusual")) {
            for (String time : List.of("9:00", "24:00", "09:00:00", "noon", "9:00 AM", "00:00 AM", "09:00 am")) {
                slots.add(new SlotKey(doctor, LocalDate.of(2026, 12, 7), time));
            }
            slots.add(new SlotKey(doctor, LocalDate.ofEpochDay(1L << 25), "09:00"));
            slots.add(new SlotKey(doctor, LocalDate.ofEpochDay(-(1L << 25) - 1), "09:00"));
            slots.add(new SlotKey(doctor, LocalDate.MAX, "09:00"));
            slots.add(new SlotKey(doctor, LocalDate.MIN, "09:00"));
        }
        return slots;
    }

    private static void assertSame(Map<SlotKey, Integer> oracle, SlotTable table) {
        assertEquals(oracle.size(), table.size());
        for (SlotKey slot : SLOTS) {
            assertEquals(oracle.getOrDefault(slot, SlotTable.ABSENT), table.get(slot), slot::toString);
        }
    }
}
