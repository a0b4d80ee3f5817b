package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.clinic.appointments.application.AccountService;
import org.clinic.appointments.application.Registration;
import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.BookingLimits;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.Role;
import org.clinic.appointments.domain.SlotKey;
import org.clinic.appointments.domain.SlotTakenException;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.infrastructure.ledger.Ledger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The ledger inside the real server: many callers at once, no double booking and no lost account. */
@ExtendWith(ArquillianExtension.class)
class LedgerConcurrencyIT {

    private static final int CALLERS = 240;

    @Deployment
    static WebArchive deployment() {
        return Deployments.app("concurrency", false).addClasses(LedgerConcurrencyIT.class, Deployments.class);
    }

    @Inject
    Ledger ledger;

    @Inject
    AccountService accounts;

    @Test
    void manyPatientsRacingForOneSlotLeaveExactlyOneBooking() throws Exception {
        Doctor doctor = ledger.doctor("doc3").orElseThrow();
        LocalDate day = LocalDate.now().plusDays(3);
        List<User> patients = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            User user = new User();
            user.setId(UUID.randomUUID().toString());
            user.setName("Racer " + i);
            user.setEmail("racer" + i + "@example.com");
            user.setPhone("+91 90000 0" + String.format("%04d", i));
            user.setRole(Role.PATIENT);
            user.setPassword("not-a-login");
            user.setCreatedAt(Instant.now());
            patients.add(ledger.registerUser(user, "system"));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (User patient : patients) {
            tasks.add(() -> {
                start.await();
                Instant now = Instant.now();
                Appointment hold = Appointment.hold(UUID.randomUUID().toString(), patient, doctor, day, "10:00 AM",
                        "Race", now, now.plusSeconds(900));
                try {
                    ledger.hold(hold, patient.getId(), new BookingLimits(3));
                    return true;
                } catch (SlotTakenException taken) {
                    return false;
                }
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (Callable<Boolean> task : tasks) {
                results.add(pool.submit(task));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> result : results) {
                won += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(1, won, "exactly one patient gets the slot, the others hear it was just taken");
        } finally {
            pool.shutdownNow();
        }
        long active = ledger.appointmentsOf(doctor.getId(), day).stream()
                .filter(a -> a.getTime().equals("10:00 AM") && a.holdsSlot(Instant.now())).count();
        assertEquals(1, active, "the ledger holds one active appointment for the slot");
        assertTrue(ledger.slotHolder(new SlotKey(doctor.getId(), day, "10:00 AM")).isPresent());
    }

    @Test
    void simultaneousRegistrationsAreAllKept() throws Exception {
        int people = 40;
        int before = ledger.userCount();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(people);
        try {
            List<Future<User>> results = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    start.await();
                    Registration r = new Registration();
                    r.setName("Signup " + n);
                    r.setEmail("signup" + n + "@example.com");
                    r.setPhone("+91 91111 1" + String.format("%04d", n));
                    r.setPassword("Monsoon-Tea-" + n);
                    return accounts.registerPatient(r);
                }));
            }
            start.countDown();
            for (Future<User> result : results) {
                result.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(before + people, ledger.userCount(), "no account is lost when many register at once");
        for (int i = 0; i < people; i++) {
            assertTrue(ledger.userByEmail("SIGNUP" + i + "@example.com").isPresent(), "signup" + i + " is kept");
        }
    }
}
