package org.clinic.appointments.tools;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;

import org.clinic.appointments.infrastructure.ledger.LedgerCore;

/**
 * How long the ledger takes to load a data directory, and the heap it holds afterwards (after a full GC).
 * Usage: {@code LedgerStartup <data dir> [rounds]}; with {@code compact} as a third argument it compacts first,
 * which writes the snapshots (and their cache) the next start-ups read.
 */
public final class LedgerStartup {

    private LedgerStartup() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        if (args.length > 2 && args[2].equals("compact")) {
            try (LedgerCore ledger = LedgerCore.open(dir, ZoneId.of("Asia/Kolkata"), Clock.systemUTC(), 0)) {
                long started = System.nanoTime();
                ledger.compact();
                System.out.printf("compaction: %d ms%n", (System.nanoTime() - started) / 1_000_000);
            }
        }
        for (int round = 1; round <= rounds; round++) {
            long started = System.nanoTime();
            try (LedgerCore ledger = LedgerCore.open(dir, ZoneId.of("Asia/Kolkata"), Clock.systemUTC(), 0)) {
                long loaded = (System.nanoTime() - started) / 1_000_000;
                System.gc();
                long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                System.out.printf("round %d: %,d appointments loaded in %,d ms; heap after GC %,d MiB%n", round,
                        ledger.appointmentCount(), loaded, heap >> 20);
            }
        }
    }
}
