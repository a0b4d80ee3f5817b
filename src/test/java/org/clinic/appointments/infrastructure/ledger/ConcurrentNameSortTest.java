package org.clinic.appointments.infrastructure.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.clinic.appointments.MutableClock;
import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.AppointmentQuery;
import org.clinic.appointments.domain.AppointmentSort;
import org.clinic.appointments.domain.BookingLimits;
import org.clinic.appointments.domain.Role;
import org.clinic.appointments.domain.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Admins sorting by patient or doctor name while bookings with new names arrive, under the same discipline as
 * the ledger's singleton (sorts share a read lock, bookings take the write lock): every page is in the order
 * of a plain sort of the same appointments, and no sort throws.
 */
class ConcurrentNameSortTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    private static final Instant NOW = Instant.parse("2026-11-24T06:00:00Z");
    private static final List<String> TIMES = List.of("09:00 AM", "10:00 AM", "11:00 AM", "12:00 PM", "02:00 PM",
            "03:00 PM", "04:00 PM", "05:00 PM");
    private static final int READERS = 8;
    private static final int NEW_BOOKINGS = 600;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(NOW);
    private final Random random = new Random(11);
    private int booked;

    @Test
    void everySortSeesTheOraclesOrderWhileBookingsArrive() throws Exception {
        Files.copy(Path.of(System.getProperty("project.data.dir", "data"), "doctors.json"), dir.resolve("doctors.json"));
        try (LedgerCore ledger = LedgerCore.open(dir, ZONE, clock, 0)) {
            for (int i = 0; i < 400; i++) {
                book(ledger);
            }
        }
        ReadWriteLock lock = new ReentrantReadWriteLock();
        Queue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger sorts = new AtomicInteger();
        try (LedgerCore ledger = LedgerCore.open(dir, ZONE, clock, 0)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> readers = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                AppointmentSort sort = r % 2 == 0 ? AppointmentSort.PATIENT : AppointmentSort.DOCTOR;
                boolean ascending = r % 4 < 2;
                Thread reader = new Thread(() -> {
                    await(start);
                    while (writing.get() || sorts.get() < READERS * 4) {
                        lock.readLock().lock();
                        try {
                            List<String> page = ledger.search(AppointmentQuery.all(), sort, ascending, 0, 60).rows()
                                    .stream().map(Appointment::getId).toList();
                            List<String> oracle = ledger.appointments().stream().sorted(sort.comparator(ascending))
                                    .limit(60).map(Appointment::getId).toList();
                            if (!page.equals(oracle)) {
                                problems.add(sort + " " + (ascending ? "asc" : "desc") + ": " + page + " != " + oracle);
                            }
                            sorts.incrementAndGet();
                        } catch (RuntimeException e) {
                            problems.add(sort + ": " + e);
                        } finally {
                            lock.readLock().unlock();
                        }
                    }
                });
                reader.start();
                readers.add(reader);
            }
            start.countDown();
            for (int i = 0; i < NEW_BOOKINGS; i++) {
                lock.writeLock().lock();
                try {
                    book(ledger);
                } finally {
                    lock.writeLock().unlock();
                }
            }
            writing.set(false);
            for (Thread reader : readers) {
                reader.join(TimeUnit.MINUTES.toMillis(2));
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " wrong sorts, first: " + problems.peek());
        assertTrue(sorts.get() >= READERS * 4, "the readers sorted " + sorts.get() + " times");
        assertEquals(1000, booked);
    }

    /** A booking by a new patient whose name sorts anywhere among the others, often next to one already there. */
    private void book(LedgerCore ledger) {
        User patient = new User();
        patient.setId("p" + booked);
        String name = (char) ('A' + random.nextInt(26)) + Integer.toString(random.nextInt(40), 36)
                + (random.nextBoolean() ? " rao" : " Rao");
        patient.setName(name);
        patient.setEmail("p" + booked + "@example.com");
        patient.setRole(Role.PATIENT);
        patient.setPassword("hash");
        patient.setCreatedAt(NOW);
        ledger.registerUser(patient, "system");
        String doctorId = "doc" + (1 + random.nextInt(8));
        LocalDate date = LocalDate.of(2026, 11, 25).plusDays(booked / TIMES.size() / 8);
        Appointment hold = Appointment.hold("a" + booked, patient, ledger.doctor(doctorId).orElseThrow(), date,
                TIMES.get(booked % TIMES.size()), "Visit", NOW, NOW.plus(Duration.ofMinutes(15)));
        try {
            ledger.hold(hold, patient.getId(), new BookingLimits(1));
        } catch (RuntimeException slotTaken) {
            hold.setTime(TIMES.get((booked + 1) % TIMES.size()));
        }
        booked++;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
