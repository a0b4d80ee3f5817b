package org.clinic.appointments.infrastructure.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.clinic.appointments.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load started before the application's beans exist: the ledger singleton gets it only for its own settings,
 * the work the load queued runs once an executor is handed over, and a load nobody takes lets its directory go.
 */
class LedgerPreloadTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T06:00:00Z"));
    private final LedgerPreload preload = new LedgerPreload();

    @BeforeEach
    void snapshotWithoutItsCache() throws IOException {
        Files.copy(Path.of(System.getProperty("project.data.dir", "data"), "doctors.json"), dir.resolve("doctors.json"));
        Files.writeString(dir.resolve("appointments.json"), """
                [{"id": "a-1", "user_id": "u-1", "user_email": "u1@example.com", "user_name": "Asha", "doctor_id": "doc1",
                  "doctor_name": "Dr. One", "date": "2026-12-01", "time": "10:00 AM", "reason": "Check-up",
                  "status": "confirmed", "booked_at": "2026-11-20T05:00:00Z", "history": []}]
                """);
    }

    @Test
    void theSingletonWithTheSameSettingsGetsTheLoadAndItsQueuedCacheWriteRunsOnTheExecutorItHandsOver() throws Exception {
        preload.start(dir, ZONE, clock, 0);
        List<Runnable> handedOver = new ArrayList<>();
        Optional<CompletableFuture<LedgerCore>> taken = preload.take(dir, ZONE, clock, 0, handedOver::add);
        assertTrue(taken.isPresent());
        try (LedgerCore ledger = taken.get().get(30, TimeUnit.SECONDS)) {
            assertEquals(1, ledger.appointmentCount());
            assertFalse(Files.exists(dir.resolve(SnapshotCache.FILE)), "the cache waits for the executor");
            assertEquals(1, handedOver.size());
            handedOver.forEach(Runnable::run);
            assertTrue(Files.exists(dir.resolve(SnapshotCache.FILE)));
            assertTrue(preload.take(dir, ZONE, clock, 0, Runnable::run).isEmpty(), "a load is taken once");
        }
    }

    @Test
    void aLoadStartedWithOtherSettingsIsRefusedAndLetsTheDirectoryGo() throws Exception {
        preload.start(dir, ZONE, clock, 0);
        assertTrue(preload.take(dir, ZoneId.of("UTC"), clock, 0, Runnable::run).isEmpty());
        assertOpensAgain();
    }

    @Test
    void aLoadNobodyTookLetsTheDirectoryGoAtShutdown() throws Exception {
        preload.start(dir, ZONE, clock, 0);
        preload.closeUntaken(null);
        assertOpensAgain();
    }

    @Test
    void withoutAStartedLoadTheSingletonLoadsItself() {
        assertTrue(preload.take(dir, ZONE, clock, 0, Runnable::run).isEmpty());
    }

    /**
     * Opens the directory once the started load has let it go (compacting on this thread, so nothing writes to it
     * afterwards), then waits for the load's thread: it may have taken the directory only after this open.
     */
    private void assertOpensAgain() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (LedgerCore ledger = LedgerCore.open(dir, ZONE, clock, 0, Runnable::run)) {
                assertEquals(1, ledger.appointmentCount());
                for (Thread load : Thread.getAllStackTraces().keySet()) {
                    if (load.getName().equals("ledger-load")) {
                        load.join(TimeUnit.SECONDS.toMillis(30));
                    }
                }
                return;
            } catch (LedgerLoadException inUse) {
                if (System.nanoTime() > deadline) {
                    throw inUse;
                }
                Thread.sleep(20);
            }
        }
    }
}
