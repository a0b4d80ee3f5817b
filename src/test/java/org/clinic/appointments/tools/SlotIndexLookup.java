package org.clinic.appointments.tools;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.clinic.appointments.domain.SlotKey;

/**
 * How long the ledger's slot index takes to fill and to answer "who holds this slot", at the size of a million
 * appointments: 700,000 slots of 500 doctors, 16 a day. Usage: {@code SlotIndexLookup [lookups per round]}.
 */
public final class SlotIndexLookup {

    private static final String[] TIMES = {"09:00 AM", "09:30 AM", "10:00 AM", "10:30 AM", "11:00 AM", "11:30 AM",
        "12:00 PM", "12:30 PM", "02:00 PM", "02:30 PM", "03:00 PM", "03:30 PM", "04:00 PM", "04:30 PM", "05:00 PM",
        "05:30 PM"};
    private static final int SLOTS = 700_000;

    private SlotIndexLookup() {
    }

    public static void main(String[] args) {
        int lookups = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        List<SlotKey> slots = new ArrayList<>(SLOTS);
        LocalDate first = LocalDate.of(2026, 1, 1);
        for (int doctor = 1; slots.size() < SLOTS; doctor++) {
            for (int day = 0; day < 730 && slots.size() < SLOTS; day++) {
                for (String time : TIMES) {
                    slots.add(new SlotKey("doc" + doctor, first.plusDays(day), time));
                }
            }
        }
        long started = System.nanoTime();
        Map<SlotKey, String> owner = new HashMap<>();
        for (SlotKey slot : slots) {
            owner.put(slot, slot.doctorId());
        }
        System.out.printf("filled with %,d slots in %d ms%n", owner.size(), (System.nanoTime() - started) / 1_000_000);
        Random random = new Random(42);
        int found = 0;
        for (int round = 1; round <= 3; round++) {
            started = System.nanoTime();
            for (int i = 0; i < lookups; i++) {
                SlotKey asked = slots.get(random.nextInt(slots.size()));
                if (owner.get(new SlotKey(asked.doctorId(), asked.date(), asked.time())) != null) {
                    found++;
                }
            }
            System.out.printf("round %d: %.0f ns a lookup%n", round, (System.nanoTime() - started) / (double) lookups);
        }
        System.out.println("(found " + found + ")");
    }
}
