package org.clinic.appointments.infrastructure.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;

import org.clinic.appointments.MutableClock;
import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.AuditEntry;
import org.clinic.appointments.domain.AuditQuery;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.HistoryEntry;
import org.clinic.appointments.domain.Page;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.tools.LedgerGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The binary cache gives the same ledger as the JSON snapshots, and is only ever a cache. */
class SnapshotCacheTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T06:00:00Z"));
    private final RecordMapper.Mappers mappers = RecordMapper.mappers(new JsonCodec(ZONE).instants());

    @BeforeEach
    void generated() throws IOException {
        LedgerGenerator.main(new String[] {dir.toString(), "2000",
            Path.of(System.getProperty("project.data.dir", "data"), "doctors.json").toString()});
    }

    private LedgerCore open() {
        LedgerCore ledger = LedgerCore.open(dir, ZONE, clock, 0);
        ledger.awaitCompaction();
        return ledger;
    }

    private String everything(LedgerCore ledger) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = Json.createGenerator(text)) {
            out.writeStartArray();
            for (User user : ledger.users()) {
                mappers.users().write(out, null, user, null);
            }
            for (Appointment appointment : ledger.appointments()) {
                mappers.appointments().write(out, null, appointment, null);
            }
            out.writeEnd();
        }
        return text.toString();
    }

    @Test
    void aStartUpFromTheCacheHoldsExactlyWhatTheJsonHolds() {
        String fromJson;
        try (LedgerCore ledger = open()) {
            assertFalse(ledger.loadedFromCache());
            String patientId = ledger.appointments().get(0).getUserId();
            ledger.changeUser(patientId, "admin-1", ChangeType.SUSPENDED, u -> u.suspended(clock.instant(), "admin-1"));
            ledger.compact();
            fromJson = everything(ledger);
            assertEquals(2000, ledger.appointmentCount());
            assertTrue(fromJson.contains("\"changes\""), "an account keeps its changes");
        }
        assertTrue(Files.exists(dir.resolve(SnapshotCache.FILE)), "written after a start-up from JSON");
        try (LedgerCore ledger = open()) {
            assertTrue(ledger.loadedFromCache());
            assertEquals(fromJson, everything(ledger));
            ledger.compact();
        }
        try (LedgerCore ledger = open()) {
            assertTrue(ledger.loadedFromCache(), "rewritten by the compaction");
            assertEquals(fromJson, everything(ledger));
        }
    }

    @Test
    void theAuditTrailAndAChangeReadFromTheCacheAsFromTheJson() {
        AuditQuery everything = new AuditQuery(null, null, null, null);
        List<AuditEntry> fromJson;
        String id;
        String actor;
        try (LedgerCore ledger = open()) {
            assertFalse(ledger.loadedFromCache());
            fromJson = ledger.audit(everything, 0, 100_000).rows();
            Appointment changed = ledger.appointments().stream().filter(a -> a.getHistory().size() >= 2)
                    .findFirst().orElseThrow();
            id = changed.getId();
            actor = changed.getHistory().get(1).getActor();
            assertTrue(fromJson.size() > 2000, "each appointment has its booking and more");
        }
        HistoryEntry note = new HistoryEntry(Instant.parse("2030-01-01T00:00:00Z"), "admin-1", "marked_paid", null, null,
                null, null, "Paid at the desk");
        try (LedgerCore ledger = open()) {
            assertTrue(ledger.loadedFromCache());
            assertEquals(fromJson, ledger.audit(everything, 0, 100_000).rows());
            assertEquals(fromJson.stream().filter(e -> e.change().getActor().equals(actor)).toList(),
                    ledger.audit(new AuditQuery(actor, null, null, null), 0, 100_000).rows());
            ledger.change(id, "admin-1", ChangeType.MARKED_PAID, a -> {
                Appointment next = a.copy();
                next.getHistory().add(note);
                return next;
            });
            Page<AuditEntry> after = ledger.audit(everything, 0, 1);
            assertEquals(fromJson.size() + 1, after.total());
            assertEquals(note, after.rows().get(0).change());
            assertEquals(id, after.rows().get(0).appointmentId());
        }
        try (LedgerCore ledger = open()) {
            assertTrue(ledger.loadedFromCache(), "and the change from the journal");
            List<HistoryEntry> history = ledger.appointment(id).orElseThrow().getHistory();
            assertEquals(note, history.get(history.size() - 1));
            assertEquals(fromJson.size() + 1, ledger.audit(everything, 0, 1).total());
            assertEquals(note, ledger.audit(everything, 0, 1).rows().get(0).change());
        }
    }

    @Test
    void aStaleOrDamagedCacheIsIgnoredAndWrittenAgain() throws IOException {
        try (LedgerCore ledger = open()) {
            assertFalse(ledger.loadedFromCache());
        }
        String edited = Files.readString(dir.resolve(Snapshots.APPOINTMENTS)).replaceFirst("\"reason\": ?\"[^\"]*\"",
                "\"reason\": \"Edited by hand\"");
        Files.writeString(dir.resolve(Snapshots.APPOINTMENTS), edited);
        try (LedgerCore ledger = open()) {
            assertFalse(ledger.loadedFromCache(), "the JSON changed after the cache was written");
            assertEquals("Edited by hand", ledger.appointments().get(0).getReason());
        }
        try (LedgerCore ledger = open()) {
            assertTrue(ledger.loadedFromCache());
            assertEquals("Edited by hand", ledger.appointments().get(0).getReason());
        }
        Path cache = dir.resolve(SnapshotCache.FILE);
        byte[] bytes = Files.readAllBytes(cache);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(cache, bytes);
        try (LedgerCore ledger = open()) {
            assertFalse(ledger.loadedFromCache(), "a damaged cache is not read");
            assertEquals(2000, ledger.appointmentCount());
        }
        Files.write(cache, new byte[] {1, 2, 3}, StandardOpenOption.TRUNCATE_EXISTING);
        try (LedgerCore ledger = open()) {
            assertFalse(ledger.loadedFromCache(), "nor a truncated one");
        }
        Files.delete(cache);
        try (LedgerCore ledger = open()) {
            assertFalse(ledger.loadedFromCache());
        }
        try (LedgerCore ledger = open()) {
            assertTrue(ledger.loadedFromCache(), "a missing cache is written again");
            assertEquals(List.of(), ledger.appointments().stream().filter(a -> a.getHistory().isEmpty()).toList());
        }
    }

    @Test
    void aCacheWrittenWithOtherRecordFieldsIsNotRead() {
        try (LedgerCore ledger = open()) {
            assertFalse(ledger.loadedFromCache());
        }
        BinaryRecords.Forms forms = BinaryRecords.forms(mappers);
        long state = stateSeq();
        assertTrue(new SnapshotCache(new DataDirectory(dir), forms).read(state, u -> { }, n -> { }, a -> a, a -> { })
                .isPresent(), "this build's fields read it");
        BinaryRecords.Forms otherFields = new BinaryRecords.Forms(forms.appointments(), forms.users(), forms.layout() + 1);
        assertTrue(new SnapshotCache(new DataDirectory(dir), otherFields).read(state, u -> { }, n -> { }, a -> a, a -> { })
                .isEmpty(), "a build whose records have other fields ignores it");
    }

    private long stateSeq() {
        return new Snapshots(new DataDirectory(dir), new JsonCodec(ZONE), mappers).readStateSeq();
    }
}
