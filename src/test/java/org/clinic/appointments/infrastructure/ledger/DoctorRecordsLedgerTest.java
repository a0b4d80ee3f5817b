package org.clinic.appointments.infrastructure.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.clinic.appointments.MutableClock;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.Doctor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Doctors' records and the list of specializations are durable like appointments: a change is in the journal before
 * it returns, survives the loss of its readable file and a compaction, and the earlier system's doctors.json loads
 * with its unknown members kept.
 */
class DoctorRecordsLedgerTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    private static final Instant NOW = Instant.parse("2026-11-24T06:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(NOW);

    @BeforeEach
    void doctors() throws IOException {
        Files.copy(Path.of(System.getProperty("project.data.dir", "data"), "doctors.json"), dir.resolve("doctors.json"));
    }

    private LedgerCore open() {
        return LedgerCore.open(dir, ZONE, clock, 0);
    }

    private static Doctor details(String name, String fee) {
        Doctor d = new Doctor();
        d.setName(name);
        d.setSpecialization("Cardiologist");
        d.setFee(fee == null ? null : new BigDecimal(fee));
        return d;
    }

    @Test
    void anAddedAndEditedDoctorSurvivesARestartTheLossOfDoctorsJsonAndACompaction() throws IOException {
        try (LedgerCore ledger = open()) {
            ledger.addDoctor(Doctor.added("dr-1", details("Dr. Kavya Iyer", "900"), NOW, "admin-1"), "admin-1");
            ledger.changeDoctor("dr-1", "admin-2", ChangeType.DOCTOR_EDITED,
                    d -> d.edited(details("Dr. Kavya Iyer", "950"), NOW.plusSeconds(60), "admin-2"));
        }
        try (LedgerCore ledger = open()) {
            Doctor kavya = ledger.doctor("dr-1").orElseThrow();
            assertEquals(new BigDecimal("950"), kavya.getFee(), "from doctors.json");
            assertEquals(9, ledger.doctors().size());
        }
        Files.delete(dir.resolve(Snapshots.DOCTORS));
        Files.copy(Path.of(System.getProperty("project.data.dir", "data"), "doctors.json"), dir.resolve("doctors.json"));
        try (LedgerCore ledger = open()) {
            Doctor kavya = ledger.doctor("dr-1").orElseThrow();
            assertEquals(new BigDecimal("950"), kavya.getFee(), "from the journal when doctors.json is an old copy");
            assertEquals(List.of("doctor.added", "doctor.edited"),
                    kavya.getHistory().stream().map(c -> c.getAction()).toList());
            assertEquals("admin-2", kavya.getHistory().get(1).getActor());
            assertEquals("900", kavya.getHistory().get(1).getFromValue());
            ledger.compact();
        }
        try (LedgerCore ledger = open()) {
            assertEquals(new BigDecimal("950"), ledger.doctor("dr-1").orElseThrow().getFee(), "after a compaction");
        }
    }

    @Test
    void aCompactionLeavesAnUnchangedDoctorsJsonAsItWas() throws IOException {
        String original = Files.readString(dir.resolve("doctors.json"));
        try (LedgerCore ledger = open()) {
            ledger.changeSpecializations("admin-1", list -> list);
            ledger.compact();
        }
        assertEquals(original, Files.readString(dir.resolve("doctors.json")),
                "the shipped sample file stays byte for byte (no empty history added)");
    }

    @Test
    void aStoredDoctorCannotBeChangedThroughWhatAReadReturned() {
        try (LedgerCore ledger = open()) {
            ledger.doctor("doc1").orElseThrow().setName("Someone else");
            ledger.doctors().get(0).setFee(BigDecimal.ONE);
            assertEquals("Dr. Rajesh Kumar Sharma", ledger.doctor("doc1").orElseThrow().getName());
            assertNull(ledger.doctors().get(0).getFee());
        }
    }

    @Test
    void theSpecializationsStartFromTheDoctorsAndKeepTheAdminsChanges() {
        try (LedgerCore ledger = open()) {
            List<String> initial = ledger.specializations();
            assertTrue(initial.contains("Cardiologist"), initial.toString());
            ledger.changeSpecializations("admin-1", list -> {
                List<String> next = new ArrayList<>(list);
                next.add("Geriatrics");
                return next;
            });
        }
        try (LedgerCore ledger = open()) {
            assertTrue(ledger.specializations().contains("Geriatrics"));
            ledger.compact();
        }
        try (LedgerCore ledger = open()) {
            assertTrue(ledger.specializations().contains("Geriatrics"), "after a compaction");
        }
    }

    @Test
    void anEarlierSystemsDoctorKeepsMembersTheLedgerDoesNotKnow() throws IOException {
        Files.writeString(dir.resolve("doctors.json"), """
                [{"id": "docx", "name": "Dr. Old Record", "specialization": "Dermatologist",
                  "image": "https://example.org/x.png", "rating": 4.5}]
                """);
        try (LedgerCore ledger = open()) {
            ledger.changeDoctor("docx", "admin-1", ChangeType.DOCTOR_EDITED,
                    d -> d.edited(details("Dr. Old Record", "500"), NOW, "admin-1"));
        }
        String written = Files.readString(dir.resolve("doctors.json"));
        assertTrue(written.contains("\"rating\""), written);
        assertTrue(written.contains("\"image\": \"https://example.org/x.png\""), written);
    }

    @Test
    void aPhotoIsStoredOwnerOnlyAndReadBack() throws IOException {
        byte[] bytes = {1, 2, 3};
        try (LedgerCore ledger = open()) {
            ledger.storePhoto("0123456789abcdef0123456789abcdef.png", bytes);
            assertArrayEquals(bytes, ledger.photo("0123456789abcdef0123456789abcdef.png").orElseThrow());
        }
        Path file = dir.resolve(Snapshots.PHOTOS).resolve("0123456789abcdef0123456789abcdef.png");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    }
}
