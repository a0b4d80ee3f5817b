package org.clinic.appointments.tools;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.BookingLimits;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.Role;
import org.clinic.appointments.domain.SlotKey;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.infrastructure.ledger.LedgerCore;

/**
 * The ledger alone, one writer: durable bookings per second against the raw rate of fsynced appends of a line of
 * the same size to the same disk, measured in the same run. Usage: {@code LedgerThroughput <data dir> [bookings]};
 * the directory needs a {@code doctors.json} and may hold a generated ledger ({@link LedgerGenerator}).
 */
public final class LedgerThroughput {

    private static final String[] SLOTS = {"09:00 AM", "10:00 AM", "11:00 AM", "12:00 PM", "02:00 PM", "03:00 PM",
        "04:00 PM", "05:00 PM"};
    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    private static final int WARM_UP = 300;

    private LedgerThroughput() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int bookings = args.length > 1 ? Integer.parseInt(args[1]) : 3000;

        long loadStarted = System.nanoTime();
        try (LedgerCore ledger = LedgerCore.open(dir, ZONE, Clock.systemUTC(), 0)) {
            System.out.printf("ledger: %,d appointments loaded in %.1f s%n", ledger.appointmentCount(),
                    (System.nanoTime() - loadStarted) / 1e9);
            List<Appointment> holds = freeSlotHolds(ledger, WARM_UP + bookings);
            for (int i = 0; i < WARM_UP; i++) {
                ledger.hold(holds.get(i), holds.get(i).getUserId(), new BookingLimits(Integer.MAX_VALUE));
            }
            int line = journalLineBytes(dir);
            double raw = rawAppendsPerSecond(dir, line, WARM_UP + bookings);
            long[] nanos = new long[bookings];
            long started = System.nanoTime();
            for (int i = 0; i < bookings; i++) {
                Appointment hold = holds.get(WARM_UP + i);
                long one = System.nanoTime();
                ledger.hold(hold, hold.getUserId(), new BookingLimits(Integer.MAX_VALUE));
                nanos[i] = System.nanoTime() - one;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            java.util.Arrays.sort(nanos);
            double perSecond = bookings / seconds;
            System.out.printf("raw fsynced appends of %d bytes: %,.0f /s%n", line, raw);
            System.out.printf("durable bookings (hold, one writer): %,.0f /s = %.0f %% of raw;"
                    + " latency median %.2f ms, p99 %.2f ms%n", perSecond, 100 * perSecond / raw,
                    nanos[bookings / 2] / 1e6, nanos[(int) (bookings * 0.99)] / 1e6);
        }
    }

    /** New holds on free slots, each patient holding at most one slot per day and time. */
    private static List<Appointment> freeSlotHolds(LedgerCore ledger, int count) {
        List<Appointment> holds = new ArrayList<>(count);
        Instant now = Instant.now();
        LocalDate first = LocalDate.now(ZONE).plusDays(1);
        for (int day = 0; holds.size() < count && day < 3650; day++) {
            LocalDate date = first.plusDays(day);
            for (Doctor doctor : ledger.doctors()) {
                User patient = null;
                for (String time : SLOTS) {
                    if (holds.size() == count || ledger.slotHolder(new SlotKey(doctor.getId(), date, time)).isPresent()) {
                        continue;
                    }
                    if (patient == null) {
                        patient = ledger.registerUser(patient(), "benchmark");
                    }
                    holds.add(Appointment.hold(UUID.randomUUID().toString(), patient, doctor, date, time,
                            "Benchmark", now, now.plus(Duration.ofDays(3650))));
                }
            }
        }
        return holds;
    }

    private static User patient() {
        User user = new User();
        user.setId(UUID.randomUUID().toString());
        user.setName("Benchmark Patient");
        user.setEmail("bench-" + user.getId() + "@example.com");
        user.setPhone("+91 98765 43210");
        user.setRole(Role.PATIENT);
        user.setPassword("not-a-login");
        user.setCreatedAt(Instant.now());
        return user;
    }

    /** The size of the last journal line written (a booking), so the raw appends write as much. */
    private static int journalLineBytes(Path dir) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("journal.jsonl"));
        return lines.get(lines.size() - 1).getBytes(StandardCharsets.UTF_8).length + 1;
    }

    private static double rawAppendsPerSecond(Path dir, int lineBytes, int appends) throws IOException {
        Path file = dir.resolve("raw-append-benchmark.tmp");
        byte[] line = new byte[lineBytes];
        java.util.Arrays.fill(line, (byte) 'x');
        line[line.length - 1] = '\n';
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            long started = 0;
            for (int i = 0; i < appends; i++) {
                if (i == WARM_UP) {
                    started = System.nanoTime();
                }
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(false);
            }
            return (appends - WARM_UP) / ((System.nanoTime() - started) / 1e9);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
