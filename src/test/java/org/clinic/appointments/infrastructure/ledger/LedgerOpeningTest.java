package org.clinic.appointments.infrastructure.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

import org.clinic.appointments.LogLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the rest of the application hears of the load started at deployment: the ledger, or why it cannot start. */
class LedgerOpeningTest {

    @TempDir
    Path dir;

    @Test
    void aDataDirectoryThatCannotBeReadIsLoggedOnceAndEveryCallerHearsWhy() throws Exception {
        Files.writeString(dir.resolve("appointments.json"), "[{\"id\": ");
        LedgerLoadException[] thrown = new LedgerLoadException[1];
        try (LogLines log = LogLines.of(Logger.getLogger(LedgerOpening.class.getName()))) {
            LedgerOpening opening = LedgerOpening.of(CompletableFuture.supplyAsync(() -> open(dir)), loaded -> loaded);
            thrown[0] = assertThrows(LedgerLoadException.class, opening::join);
            assertThrows(LedgerLoadException.class, opening::join, "a second caller hears it too");
            assertTrue(opening.ended().isEmpty());
            assertEquals(List.of("The ledger cannot start, nothing was written: " + thrown[0].getMessage()), log.lines());
        }
        assertTrue(thrown[0].getMessage().contains("appointments.json"), thrown[0].getMessage());
    }

    @Test
    void aLoadedLedgerIsPassedOnOnceAndThenGivenToEveryCaller() {
        int[] opened = {0};
        LedgerOpening opening = LedgerOpening.of(CompletableFuture.supplyAsync(() -> open(dir)), loaded -> {
            opened[0]++;
            return loaded;
        });
        try (LedgerCore ledger = opening.join()) {
            assertSame(ledger, opening.join());
            assertSame(ledger, opening.ended().orElseThrow());
            assertEquals(1, opened[0]);
        }
    }

    @Test
    void withoutALoadTheLedgerIsNotInUse() {
        LedgerOpening none = LedgerOpening.none();
        assertTrue(none.ended().isEmpty());
        IllegalStateException e = assertThrows(IllegalStateException.class, none::join);
        assertTrue(e.getMessage().contains("appointments.store"), e.getMessage());
    }

    private static LedgerCore open(Path dir) {
        return LedgerCore.open(dir, ZoneId.of("Asia/Kolkata"), Clock.systemUTC(), 0);
    }
}
