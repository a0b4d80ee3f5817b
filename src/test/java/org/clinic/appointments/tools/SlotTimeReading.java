package org.clinic.appointments.tools;

import org.clinic.appointments.domain.ClinicRules;

/**
 * How long reading one slot time takes ({@link ClinicRules#parseTime}), over the 16 slot times of a clinic's day:
 * a booking page reads some 480 of them. Usage: {@code SlotTimeReading [calls per round]}.
 */
public final class SlotTimeReading {

    private static final String[] TIMES = {"09:00 AM", "09:30 AM", "10:00 AM", "10:30 AM", "11:00 AM", "11:30 AM",
        "12:00 PM", "12:30 PM", "02:00 PM", "02:30 PM", "03:00 PM", "03:30 PM", "04:00 PM", "04:30 PM", "05:00 PM",
        "05:30 PM"};

    private SlotTimeReading() {
    }

    public static void main(String[] args) {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long seconds = 0;
        for (int round = 1; round <= 5; round++) {
            long started = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                seconds += ClinicRules.parseTime(TIMES[i % TIMES.length]).toSecondOfDay();
            }
            System.out.printf("round %d: %.0f ns a call%n", round, (System.nanoTime() - started) / (double) calls);
        }
        System.out.println("(checksum " + seconds + ")");
    }
}
