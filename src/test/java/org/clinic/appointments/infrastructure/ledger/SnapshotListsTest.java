package org.clinic.appointments.infrastructure.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import org.clinic.appointments.MutableClock;
import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.AppointmentQuery;
import org.clinic.appointments.domain.AppointmentSort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot's lists by patient and by doctor and day, built in one pass at its end, answer as the records say:
 * each patient's and each day's appointments in the snapshot's order, and the admin search by each record's own
 * patient name and address, from the JSON and from the binary cache alike.
 */
class SnapshotListsTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    private static final List<String> DOCTORS = List.of("doc1", "doc2", "doc3");
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 12, 1);
    private static final List<String> TIMES = List.of("09:00 AM", "10:00 AM", "11:30 AM", "02:00 PM", "14:30");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T06:00:00Z"));
    private final List<Record> records = new ArrayList<>();

    /** What the snapshot says of one appointment, in the order first seen. */
    private record Record(String id, String userId, String name, String email, String doctorId, LocalDate date) {
    }

    @BeforeEach
    void snapshot() throws IOException {
        Files.copy(Path.of(System.getProperty("project.data.dir", "data"), "doctors.json"), dir.resolve("doctors.json"));
        // "Aa" and "BB" have one hash code, and so do ids that end with them after the same beginning
        List<String> patients = new ArrayList<>(List.of("patient-Aa", "patient-BB"));
        for (int i = 0; i < 40; i++) {
            patients.add("patient-" + i);
        }
        assertEquals(patients.get(0).hashCode(), patients.get(1).hashCode());
        Random random = new Random(7);
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            numbers.add(i);
        }
        Collections.shuffle(numbers, random);
        StringBuilder json = new StringBuilder("[\n");
        for (int i = 0; i < numbers.size(); i++) {
            String userId = patients.get(random.nextInt(patients.size()));
            boolean formerName = random.nextInt(5) == 0;
            String name = (formerName ? "Former " : "Patient ") + userId;
            String email = (formerName ? "former." : "") + userId + "@example.com";
            String doctorId = DOCTORS.get(random.nextInt(DOCTORS.size()));
            LocalDate date = FIRST_DAY.plusDays(random.nextInt(6));
            // a hand-edited snapshot may hold an appointment twice: it counts once, where first seen, as last written
            String id = i == 300 ? "a-" + numbers.get(100) : "a-" + numbers.get(i);
            Record record = new Record(id, userId, name, email, doctorId, date);
            int earlier = records.stream().map(Record::id).toList().indexOf(id);
            if (earlier >= 0) {
                assertFalse(records.get(earlier).userId().equals(userId) && records.get(earlier).date().equals(date));
                records.set(earlier, record);
            } else {
                records.add(record);
            }
            json.append(i == 0 ? "" : ",\n").append("""
                    {"id": "%s", "user_id": "%s", "user_email": "%s", "user_name": "%s", "doctor_id": "%s",
                     "doctor_name": "Dr. %s", "date": "%s", "time": "%s", "reason": "Follow-up", "status": "%s",
                     "booked_at": "2026-11-01T10:00:00Z", "amount": 500}""".formatted(record.id(), userId, email, name,
                    doctorId, doctorId, date, TIMES.get(random.nextInt(TIMES.size())),
                    random.nextBoolean() ? "completed" : "cancelled"));
        }
        Files.writeString(dir.resolve(Snapshots.APPOINTMENTS), json.append("\n]\n"));
    }

    @Test
    void theListsAnswerAsTheRecordsSayFromTheJsonAndFromTheCache() {
        try (LedgerCore ledger = LedgerCore.open(dir, ZONE, clock, 0)) {
            assertFalse(ledger.loadedFromCache());
            assertAnswersAsTheRecords(ledger);
            ledger.awaitCompaction();
        }
        try (LedgerCore ledger = LedgerCore.open(dir, ZONE, clock, 0)) {
            assertTrue(ledger.loadedFromCache(), "the first start-up wrote the cache");
            assertAnswersAsTheRecords(ledger);
        }
    }

    private void assertAnswersAsTheRecords(LedgerCore ledger) {
        for (String userId : records.stream().map(Record::userId).distinct().toList()) {
            List<String> newestFirst = new ArrayList<>(records.stream().filter(r -> r.userId().equals(userId))
                    .map(Record::id).toList());
            Collections.reverse(newestFirst);
            assertEquals(newestFirst, ids(ledger.appointmentsOfPatient(userId)), userId);
        }
        for (String doctorId : DOCTORS) {
            for (int day = 0; day < 6; day++) {
                LocalDate date = FIRST_DAY.plusDays(day);
                assertEquals(records.stream().filter(r -> r.doctorId().equals(doctorId) && r.date().equals(date))
                        .map(Record::id).toList(), ids(ledger.appointmentsOf(doctorId, date)), doctorId + " " + date);
            }
        }
        for (String text : List.of("patient-aa", "patient-bb", "former patient-aa", "former.patient-bb", "patient-1",
                "PATIENT-12@EXAMPLE", "former")) {
            AppointmentQuery query = new AppointmentQuery(null, null, null, null, null, null, text);
            List<String> expected = records.stream()
                    .filter(r -> AppointmentQuery.patientKey(r.name(), r.email()).contains(text.toLowerCase()))
                    .map(Record::id).sorted().toList();
            assertFalse(expected.isEmpty(), text);
            assertEquals(expected, ids(ledger.search(query, AppointmentSort.SLOT, true, 0, 1000).rows()).stream()
                    .sorted().toList(), text);
        }
    }

    private static List<String> ids(List<Appointment> appointments) {
        return appointments.stream().map(Appointment::getId).collect(Collectors.toList());
    }
}
