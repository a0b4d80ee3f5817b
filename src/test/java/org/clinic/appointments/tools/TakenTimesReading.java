package org.clinic.appointments.tools;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.infrastructure.ledger.LedgerCore;

/**
 * What the booking page's question "which of this doctor's slots are taken in the next 30 days" costs the JSON
 * ledger: a random doctor per call, as the page's patients ask. Prints the median and mean per call of three rounds,
 * and the taken slots per answer. Run on a copy of a generated ledger (it opens the directory as the server does):
 * {@code java -Xms3g -Xmx3g -cp target/test-classes:target/classes:$(cat target/cp.txt)
 * org.clinic.appointments.tools.TakenTimesReading /tmp/copy-of-load1m [calls per round]}.
 */
public final class TakenTimesReading {

    private static final int DAYS = 30;

    private TakenTimesReading() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        try (LedgerCore ledger = LedgerCore.open(dir, ZoneId.of("Asia/Kolkata"), Clock.systemUTC(), 0)) {
            List<String> doctors = ledger.doctors().stream().map(Doctor::getId).toList();
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Kolkata"));
            LocalDate last = today.plusDays(DAYS - 1);
            Random random = new Random(42);
            for (int round = 1; round <= 3; round++) {
                long[] nanos = new long[calls];
                long taken = 0;
                for (int i = 0; i < calls; i++) {
                    String doctor = doctors.get(random.nextInt(doctors.size()));
                    long start = System.nanoTime();
                    Map<LocalDate, Set<String>> answer = ledger.takenTimes(doctor, today, last);
                    nanos[i] = System.nanoTime() - start;
                    for (Set<String> times : answer.values()) {
                        taken += times.size();
                    }
                }
                long total = Arrays.stream(nanos).sum();
                Arrays.sort(nanos);
                System.out.printf("round %d: %,d calls over %d doctors, median %.1f µs, mean %.1f µs a call, "
                        + "%.1f taken slots an answer%n", round, calls, doctors.size(), nanos[calls / 2] / 1e3,
                        total / 1e3 / calls, taken / (double) calls);
            }
        }
    }
}
