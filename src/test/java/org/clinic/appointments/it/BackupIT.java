package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.AppointmentStatus;
import org.clinic.appointments.domain.SlotKey;
import org.clinic.appointments.infrastructure.ledger.LedgerCore;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The documented backup ({@code docs/backup.sh}) taken while patients book and pay, with compactions running:
 * every copy loads, holds every booking and payment acknowledged before the copy began, and no slot twice.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BackupIT {

    private static final int CLIENTS = 4;
    private static final int BACKUPS = 6;
    private static final String[] DOCTORS = {"doc1", "doc2", "doc3", "doc4", "doc5", "doc6", "doc7", "doc8"};

    private static Path dataDir;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app("backup", false, dir -> dataDir = dir, "appointments.journal-compact-bytes=16384",
                "appointments.max-open-holds=30");
    }

    @ArquillianResource
    URL baseUrl;

    /** Appointment id → when its booking was acknowledged; and which were acknowledged as paid, when. */
    private final Map<String, Long> heldAt = new ConcurrentHashMap<>();
    private final Map<String, Long> confirmedAt = new ConcurrentHashMap<>();

    @Test
    void copiesTakenDuringBookingsLoadWithEverythingAcknowledgedBeforeThem() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(pool.submit(() -> book(client, running)));
        }
        Path backups = TempDirs.create("appointments-backups");
        List<Path> copies = new ArrayList<>();
        List<Long> startedAt = new ArrayList<>();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (heldAt.size() < CLIENTS && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            for (int b = 0; b < BACKUPS; b++) {
                Thread.sleep(1000);
                Path copy = backups.resolve("copy-" + b);
                startedAt.add(System.nanoTime());
                Process script = new ProcessBuilder("bash", Path.of(System.getProperty("project.data.dir"))
                        .resolveSibling("docs").resolve("backup.sh").toString(), dataDir.toString(), copy.toString())
                        .redirectErrorStream(true).start();
                String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(script.waitFor(60, TimeUnit.SECONDS) && script.exitValue() == 0, output);
                copies.add(copy);
            }
        } finally {
            running.set(false);
            pool.shutdown();
        }
        for (Future<?> client : clients) {
            client.get(2, TimeUnit.MINUTES);
        }
        assertTrue(heldAt.size() > 20, "the load made bookings: " + heldAt.size());
        try (var archived = Files.list(dataDir.resolve("archive"))) {
            assertTrue(archived.count() >= 2, "compactions ran during the load");
        }
        for (int b = 0; b < copies.size(); b++) {
            checkCopy(copies.get(b), startedAt.get(b));
        }
    }

    private void checkCopy(Path copy, long copyStartedAt) throws IOException {
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(copy)), copy + " is the server user's alone");
        try (LedgerCore restored = LedgerCore.open(copy, ZoneId.of("Asia/Kolkata"), Clock.systemUTC(), 0)) {
            int expected = 0;
            for (Map.Entry<String, Long> held : heldAt.entrySet()) {
                if (held.getValue() < copyStartedAt) {
                    expected++;
                    Appointment a = restored.appointment(held.getKey()).orElseThrow(
                            () -> new AssertionError(copy + " lost the acknowledged booking " + held.getKey()));
                    Long confirmed = confirmedAt.get(held.getKey());
                    if (confirmed != null && confirmed < copyStartedAt) {
                        assertEquals(AppointmentStatus.CONFIRMED, a.getStatus(), copy + ": paid " + a.getId());
                    }
                }
            }
            assertTrue(expected > 0, "bookings were acknowledged before copy " + copy);
            Set<SlotKey> taken = new HashSet<>();
            for (String id : heldAt.keySet()) {
                restored.appointment(id).filter(a -> a.getStatus() == AppointmentStatus.CONFIRMED)
                        .ifPresent(a -> assertTrue(taken.add(a.slot()), copy + ": two confirmed for " + a.slot()));
            }
        }
    }

    private void book(int client, AtomicBoolean running) {
        int round = 0;
        while (running.get()) {
            WebClient patient = new WebClient(baseUrl);
            patient.registerAndLogin("Backup Patient " + client + "-" + round, null);
            for (int i = 0; i < 3 && running.get(); i++) {
                String id;
                try {
                    id = patient.holdFirstFreeSlot(DOCTORS[(client * 2 + round + i) % DOCTORS.length], "Backup load");
                } catch (IllegalStateException slotJustTaken) {
                    continue;
                }
                heldAt.put(id, System.nanoTime());
                if (patient.payAtClinic(id).statusCode() == 302) {
                    confirmedAt.put(id, System.nanoTime());
                }
            }
            round++;
        }
    }
}
