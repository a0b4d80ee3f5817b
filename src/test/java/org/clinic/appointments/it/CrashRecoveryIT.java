package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.AppointmentStatus;
import org.clinic.appointments.domain.PaymentStatus;
import org.clinic.appointments.domain.SlotKey;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.infrastructure.ledger.LedgerCore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Kills the provisioned server with SIGKILL while clients register, book and pay through the real pages, restarts
 * it, and checks that every registration, booking and payment the server acknowledged is there, once, with its
 * history, in files that load, and that no slot has two active appointments.
 * Rounds: {@code -Dcrash.rounds} (default 3).
 */
class CrashRecoveryIT {

    private static final int PORT_OFFSET = 300;
    private static final int CLIENTS = 4;

    private StandaloneServer server;

    @AfterEach
    void killLeftovers() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyAcknowledgedRegistrationBookingAndPaymentSurvivesSigkill() throws Exception {
        int rounds = Integer.getInteger("crash.rounds", 3);
        Path data = Deployments.freshDataDirectory("crash");
        server = new StandaloneServer(data, PORT_OFFSET);
        Acknowledged acknowledged = new Acknowledged();

        for (int round = 1; round <= rounds; round++) {
            server.start();
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                Thread thread = new Thread(() -> bookUntilStopped(client, running, acknowledged));
                thread.start();
                clients.add(thread);
            }
            Thread.sleep(ThreadLocalRandom.current().nextLong(3_000, 8_000));
            server.kill();
            running.set(false);
            for (Thread client : clients) {
                client.join(30_000);
            }
        }
        assertTrue(acknowledged.emails.size() > rounds, "registrations got through: " + acknowledged.emails.size());
        assertTrue(acknowledged.held.size() > rounds, "bookings got through: " + acknowledged.held.size());
        assertTrue(!acknowledged.paid.isEmpty(), "payments got through");

        server.start();
        server.stop();

        try (LedgerCore ledger = LedgerCore.open(data, ZoneId.of("Asia/Kolkata"), Clock.systemUTC(), 0)) {
            List<String> missing = acknowledged.emails.stream().filter(email -> ledger.userByEmail(email).isEmpty()).toList();
            assertEquals(List.of(), missing, "acknowledged registrations lost after SIGKILL");
            Map<String, Long> perEmail = ledger.users().stream()
                    .collect(Collectors.groupingBy(u -> u.getEmail(), Collectors.counting()));
            assertTrue(perEmail.values().stream().allMatch(n -> n == 1), "no account stored twice");

            for (Map.Entry<String, String> held : acknowledged.held.entrySet()) {
                Appointment a = ledger.appointment(held.getKey()).orElseThrow(
                        () -> new AssertionError("acknowledged booking lost: " + held.getKey()));
                assertEquals(ledger.userByEmail(held.getValue()).orElseThrow().getId(), a.getUserId());
                assertEquals("booked", a.getHistory().get(0).getAction(), "history starts with the booking");
                assertEquals(a.getStatus(), a.getHistory().get(a.getHistory().size() - 1).getToStatus(),
                        "history ends in the stored status: " + a.getId());
            }
            for (String id : acknowledged.paid) {
                Appointment a = ledger.appointment(id).orElseThrow();
                assertEquals(AppointmentStatus.CONFIRMED, a.getStatus(), "acknowledged payment lost: " + id);
                assertEquals(PaymentStatus.PENDING, a.getPaymentStatus());
                assertTrue(a.getHistory().stream().anyMatch(h -> "pay_at_clinic".equals(h.getAction())), id);
            }
            Instant now = Instant.now();
            Map<SlotKey, List<String>> holders = new HashMap<>();
            for (User user : ledger.users()) {
                for (Appointment a : ledger.appointmentsOfPatient(user.getId())) {
                    if (a.holdsSlot(now)) {
                        holders.computeIfAbsent(a.slot(), slot -> new ArrayList<>()).add(a.getId());
                    }
                }
            }
            holders.forEach((slot, ids) -> assertEquals(1, ids.size(), "one active appointment for " + slot + ": " + ids));
            System.out.printf("Crash test: %d SIGKILL rounds; acknowledged %d registrations, %d bookings, %d payments;"
                    + " all present, no slot twice%n", rounds, acknowledged.emails.size(), acknowledged.held.size(),
                    acknowledged.paid.size());
        }
    }

    /** What the server told the clients it had stored. */
    private static final class Acknowledged {
        final Set<String> emails = ConcurrentHashMap.newKeySet();
        final Map<String, String> held = new ConcurrentHashMap<>();
        final Set<String> paid = ConcurrentHashMap.newKeySet();
    }

    private void bookUntilStopped(int client, AtomicBoolean running, Acknowledged acknowledged) {
        String[] doctors = {"doc1", "doc2", "doc3", "doc4", "doc5", "doc6", "doc7", "doc8"};
        int attempt = 0;
        while (running.get()) {
            attempt++;
            try {
                WebClient patient = new WebClient(server.url());
                String email = "crash-" + UUID.randomUUID() + "@example.com";
                HttpResponse<String> registered = patient.submit("/register", "registerForm", "register", Map.of(
                        "name", "Crash Patient", "email", email, "phone", "+91 98765 43210", "password", WebClient.PASSWORD));
                if (registered.statusCode() != 302 || !registered.headers().firstValue("Location").orElse("").contains("/login")) {
                    continue;
                }
                acknowledged.emails.add(email);
                if (patient.login("", email, WebClient.PASSWORD).statusCode() != 302) {
                    continue;
                }
                for (int i = 0; i < 6 && running.get(); i++) {
                    String id;
                    try {
                        id = patient.holdFirstFreeSlot(doctors[(client + attempt + i) % doctors.length], "Crash test");
                    } catch (IllegalStateException refusedOrTaken) {
                        continue;
                    }
                    acknowledged.held.put(id, email);
                    if (patient.payAtClinic(id).statusCode() == 302) {
                        acknowledged.paid.add(id);
                    }
                }
            } catch (IllegalStateException | UncheckedIOException serverGoneOrRefused) {
                sleepQuietly(50);
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
