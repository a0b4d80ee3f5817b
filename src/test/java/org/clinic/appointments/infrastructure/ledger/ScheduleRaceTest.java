package org.clinic.appointments.infrastructure.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.clinic.appointments.MutableClock;
import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.BookingLimits;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.ClinicSchedule;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.Holiday;
import org.clinic.appointments.domain.Leave;
import org.clinic.appointments.domain.Role;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.domain.WeeklyPlan;

/**
 * Bookings racing a holiday, a plan change and a doctor's leave, under the ledger's write lock as the EJB takes it: no booking is
 * stored on a slot the schedule no longer offers once the change is stored, and no slot is booked twice.
 */
class ScheduleRaceTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    private static final List<String> TIMES = List.of("09:00 AM", "10:00 AM", "11:00 AM", "12:00 PM", "02:00 PM",
            "03:00 PM", "04:00 PM", "05:00 PM");

    @TempDir
    Path dir;

    @Test
    void aHolidayAPlanChangeAndLeaveRacingBookingsLeaveNoBookingOnAClosedSlot() throws Exception {
        Files.copy(Path.of(System.getProperty("project.data.dir", "data"), "doctors.json"), dir.resolve("doctors.json"));
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T06:00:00Z"));
        ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        ExecutorService pool = Executors.newFixedThreadPool(9);
        try (LedgerCore ledger = LedgerCore.open(dir, ZONE, clock, 0)) {
            ledger.offerOnly(new ClinicSchedule.DefaultWeek(EnumSet.allOf(DayOfWeek.class), TIMES));
            Doctor doc1 = ledger.doctor("doc1").orElseThrow();
            Doctor doc2 = ledger.doctor("doc2").orElseThrow();
            Doctor doc3 = ledger.doctor("doc3").orElseThrow();
            CountDownLatch start = new CountDownLatch(1);
            List<java.util.concurrent.Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 40; i++) {
                        User patient = patient();
                        String time = TIMES.get((thread + i) % TIMES.size());
                        Doctor doctor = i % 3 == 0 ? doc1 : i % 3 == 1 ? doc2 : doc3;
                        lock.writeLock().lock();
                        try {
                            ledger.registerUser(patient, patient.getId());
                            ledger.hold(Appointment.hold(UUID.randomUUID().toString(), patient, doctor, DAY.plusDays(i % 3),
                                    time, "Race", clock.instant(), clock.instant().plus(Duration.ofMinutes(15))),
                                    patient.getId(), new BookingLimits(3));
                        } catch (BookingException refused) {
                            // taken, or no longer offered
                        } finally {
                            lock.writeLock().unlock();
                        }
                    }
                    return null;
                }));
            }
            work.add(pool.submit(() -> {
                start.await();
                Thread.sleep(5);
                lock.writeLock().lock();
                try {
                    ledger.changeSchedule("admin", ChangeType.HOLIDAY_ADDED, s -> s.withHoliday(new Holiday(DAY, "Closed")));
                    ledger.changeSchedule("admin", ChangeType.PLAN_SET, s -> s.withPlan("doc2",
                            new WeeklyPlan(DAY.plusDays(1), Map.of())));
                    ledger.changeSchedule("admin", ChangeType.LEAVE_PLACED, s -> s.withLeave(
                            new Leave("doc3", DAY.plusDays(1), DAY.plusDays(2), "Conference")));
                } finally {
                    lock.writeLock().unlock();
                }
                return null;
            }));
            start.countDown();
            for (java.util.concurrent.Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }

            List<String> lines = Files.readAllLines(dir.resolve(Journal.FILE));
            int holidayLine = indexOf(lines, "schedule.holiday_added");
            int planLine = indexOf(lines, "schedule.plan_set");
            int leaveLine = indexOf(lines, "schedule.leave_placed");
            assertTrue(holidayLine > 0 && planLine > holidayLine && leaveLine > planLine, "the changes are stored");
            for (int i = holidayLine + 1; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.contains("appointment.booked")) {
                    assertTrue(!line.contains("\"date\":\"" + DAY + "\""), "a booking after the holiday: " + line);
                    if (i > planLine) {
                        assertTrue(!line.contains("\"doctor_id\":\"doc2\"") || line.contains("\"date\":\"" + DAY + "\""),
                                "a doc2 booking after the plan without working days: " + line);
                    }
                    if (i > leaveLine) {
                        assertTrue(!line.contains("\"doctor_id\":\"doc3\"") || line.contains("\"date\":\"" + DAY + "\""),
                                "a doc3 booking during the leave: " + line);
                    }
                }
            }
            Set<String> slots = new HashSet<>();
            for (Appointment a : ledger.appointments()) {
                if (a.holdsSlot(clock.instant())) {
                    assertTrue(slots.add(a.getDoctorId() + " " + a.getDate() + " " + a.getTime()), "booked twice: " + a.getId());
                }
            }
            assertEquals(slots.size(), ledger.appointments().stream().filter(a -> a.holdsSlot(clock.instant())).count());
        } finally {
            pool.shutdownNow();
        }
    }

    private static int indexOf(List<String> lines, String type) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\"type\":\"" + type + "\"")) {
                return i;
            }
        }
        return -1;
    }

    private static User patient() {
        User user = new User();
        user.setId(UUID.randomUUID().toString());
        user.setName("Racer");
        user.setEmail(user.getId() + "@example.com");
        user.setRole(Role.PATIENT);
        user.setPassword("hash");
        user.setCreatedAt(Instant.parse("2026-11-24T06:00:00Z"));
        return user;
    }
}
