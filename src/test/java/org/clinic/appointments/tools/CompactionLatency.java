package org.clinic.appointments.tools;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.BookingLimits;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.Role;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.infrastructure.ledger.LedgerCore;

/**
 * Booking latency while a compaction writes the snapshots in the background: one writer books durably (as the
 * ledger's WRITE lock lets one at a time) until the journal passes 1 MiB, then keeps booking while the
 * snapshots are written. Usage: {@code CompactionLatency <data dir>}.
 */
public final class CompactionLatency {

    private static final String[] SLOTS = {"09:00 AM", "10:00 AM", "11:00 AM", "12:00 PM", "02:00 PM", "03:00 PM",
        "04:00 PM", "05:00 PM"};

    private CompactionLatency() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        ZoneId zone = ZoneId.of("Asia/Kolkata");
        long started = System.nanoTime();
        try (LedgerCore ledger = LedgerCore.open(dir, zone, Clock.systemUTC(), 1 << 20)) {
            ledger.awaitCompaction();
            System.out.printf("loaded %,d appointments in %,d ms%n", ledger.appointmentCount(),
                    (System.nanoTime() - started) / 1_000_000);
            List<Doctor> doctors = ledger.doctors();
            LocalDate far = LocalDate.now(zone).plusYears(5).plusDays(new java.util.Random().nextInt(20_000));
            List<Long> during = new ArrayList<>();
            List<Long> outside = new ArrayList<>();
            long compactionStarted = 0;
            long compactionEnded = 0;
            boolean seen = false;
            for (int i = 0; i < 1_000_000 && ledger.compactions() == 0; i++) {
                User patient = new User();
                patient.setId(UUID.randomUUID().toString());
                patient.setName("Bench Patient " + i);
                patient.setEmail(patient.getId() + "@example.com");
                patient.setRole(Role.PATIENT);
                patient.setPassword("hash");
                Doctor doctor = doctors.get(i % doctors.size());
                Appointment hold = Appointment.hold(UUID.randomUUID().toString(), patient, doctor,
                        far.plusDays(i / doctors.size() / SLOTS.length), SLOTS[i / doctors.size() % SLOTS.length],
                        "Check-up", java.time.Instant.now(), java.time.Instant.now().plusSeconds(900));
                boolean compacting = ledger.compacting();
                long t0 = System.nanoTime();
                ledger.hold(hold, patient.getId(), new BookingLimits(3));
                long took = System.nanoTime() - t0;
                if ((compacting || ledger.compacting()) && ledger.compactions() == 0) {
                    if (!seen) {
                        compactionStarted = System.nanoTime();
                    }
                    seen = true;
                    during.add(took);
                    compactionEnded = System.nanoTime();
                } else {
                    outside.add(took);
                }
            }
            System.out.printf("compaction ran about %,d ms; bookings during it: %s; bookings outside it: %s%n",
                    (compactionEnded - compactionStarted) / 1_000_000, figures(during), figures(outside));
        }
    }

    private static String figures(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return "none";
        }
        return String.format("%,d, p50 %.2f ms, p99 %.2f ms, max %.2f ms", sorted.length, at(sorted, 0.50),
                at(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

}
