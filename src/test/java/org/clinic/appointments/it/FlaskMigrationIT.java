package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A data directory written by the earlier Flask system (its users.json, doctors.json and appointments.json, no
 * state file, Werkzeug password hashes, fields we do not use): the server starts on it, old accounts log in,
 * their appointments are listed, new bookings are taken, and nothing of the old records is dropped.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FlaskMigrationIT {

    /** The password of every old account; the hashes below were made by Werkzeug 3.1.8's generate_password_hash. */
    private static final String OLD_PASSWORD = "Old-Flask-Pass-7";
    private static final String PBKDF2_HASH =
            "pbkdf2:sha256:1000000$nTipuFoKreX8e6Gr$1238bdbe5e8dcfd1a857c861cb792aea0cbef918f44729a9054433d7c35f84d7";
    private static final String SCRYPT_HASH = "scrypt:32768:8:1$C2WpGVHxAaR5ajkT$f135b9d9e0a1d84d141c86b0f7a9721d7df87eb1"
            + "8a65c40bf23cc2992da155faf8676135a04cdfae8fb25e5ef7c259ce712ddaa1ae66ce236604fc84b334d6fb";
    private static final String ADMIN_HASH =
            "pbkdf2:sha256:1000$tE6NHfAsOTV8BE6V$575cc91457e790e0f55f3b2e3b5cc878cbdb7d5cbfbf13d9a217cfa854fcf6d1";
    private static final LocalDate SOON = LocalDate.now(ZoneId.of("Asia/Kolkata")).plusDays(5);
    private static final LocalDate PAST = LocalDate.now(ZoneId.of("Asia/Kolkata")).minusDays(40);

    private static Path dataDir;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app("flask-migration", false, dir -> {
            dataDir = dir;
            write(dir.resolve("users.json"), """
                    [
                      {"id": "9b2f6a1e-0000-4000-8000-000000000001", "name": "Sita Old", "email": "sita@old.example",
                       "password": "%s", "phone": "9876500001", "role": "patient", "created_at": "2025-03-01T09:15:22.481516",
                       "address": "12 MG Road, Pune", "marketing_opt_in": false},
                      {"id": "9b2f6a1e-0000-4000-8000-000000000002", "name": "Ravi Old", "email": "Ravi@Old.example",
                       "password": "%s", "phone": "9876500002", "role": "patient", "created_at": "2025-04-11T18:02:00"},
                      {"id": "9b2f6a1e-0000-4000-8000-000000000003", "name": "Desk Admin", "email": "desk@old.example",
                       "password": "%s", "phone": "9876500003", "role": "admin", "created_at": "2025-01-05T08:00:00"}
                    ]
                    """.formatted(PBKDF2_HASH, SCRYPT_HASH, ADMIN_HASH));
            write(dir.resolve("appointments.json"), """
                    [
                      {"id": "7d1e0c4a-0000-4000-8000-00000000000a", "user_id": "9b2f6a1e-0000-4000-8000-000000000001",
                       "user_email": "sita@old.example", "user_name": "Sita Old", "doctor_id": "doc2",
                       "doctor_name": "Dr. Amit Singh Rathore", "date": "%s", "time": "11:00 AM", "reason": "Knee pain",
                       "status": "confirmed", "booked_at": "2025-11-02T10:20:00.123456", "payment_status": "Pending",
                       "payment_method": "Pay-at-Clinic", "transaction_id": null, "paid_at": null,
                       "consultation_fee": 800, "referred_by": "Dr. Iyer"},
                      {"id": "7d1e0c4a-0000-4000-8000-00000000000b", "user_id": "9b2f6a1e-0000-4000-8000-000000000001",
                       "user_email": "sita@old.example", "user_name": "Sita Old", "doctor_id": "doc1",
                       "doctor_name": "Dr. Rajesh Kumar Sharma", "date": "%s", "time": "09:00 AM", "reason": "Chest pain",
                       "status": "cancelled", "booked_at": "2025-09-01T08:00:00", "payment_status": "Refunded",
                       "payment_method": "Card", "transaction_id": "TXN8F3A2B1C", "paid_at": "2025-09-01T08:01:10",
                       "cancelled_at": "2025-09-02T12:00:00", "refunded_at": "2025-09-02T12:00:01"}
                    ]
                    """.formatted(SOON, PAST));
        });
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ArquillianResource
    URL baseUrl;

    @Test
    void anOldPatientLogsInWithTheOldPasswordSeesTheOldAppointmentsAndIsMovedToOurHash() throws IOException {
        WebClient sita = new WebClient(baseUrl);
        assertEquals(200, sita.login("", "sita@old.example", "Wrong-Pass-1").statusCode(), "a wrong password is refused");
        assertEquals(302, sita.login("", "sita@old.example", OLD_PASSWORD).statusCode());
        String doctors = sita.get("/patient/doctors").body();
        try (var reader = jakarta.json.Json.createReader(Files.newBufferedReader(dataDir.resolve("doctors.json")))) {
            for (var doctor : reader.readArray()) {
                String name = doctor.asJsonObject().getString("name");
                assertTrue(doctors.contains(name), "every doctor of the old file is listed: " + name);
            }
        }
        String list = sita.get("/patient/appointments").body();
        assertTrue(list.contains("Dr. Amit Singh Rathore") && list.contains("Dr. Rajesh Kumar Sharma"), list);
        String upcoming = sita.get("/patient/appointment?id=7d1e0c4a-0000-4000-8000-00000000000a").body();
        assertTrue(upcoming.contains("Confirmed") && upcoming.contains("Pay at clinic") && upcoming.contains("11:00 AM"),
                upcoming);

        String journal = Files.readString(dataDir.resolve("journal.jsonl"));
        String rehash = journal.lines()
                .filter(line -> line.contains("user.password_rehashed") && line.contains("000000000001")).findFirst().orElse("");
        assertTrue(rehash.contains("9b2f6a1e-0000-4000-8000-000000000001") && rehash.contains("PBKDF2WithHmacSHA512")
                && !rehash.contains("pbkdf2:sha256"), "the old hash is replaced by ours: " + journal);
        assertTrue(rehash.contains("\"address\":\"12 MG Road, Pune\"") && rehash.contains("\"marketing_opt_in\":false"),
                "the fields we do not use are kept: " + rehash);

        WebClient again = new WebClient(baseUrl);
        assertEquals(302, again.login("", "sita@old.example", OLD_PASSWORD).statusCode(), "the new hash takes the same password");
        assertEquals(1, Files.readString(dataDir.resolve("journal.jsonl")).lines()
                .filter(line -> line.contains("user.password_rehashed") && line.contains("000000000001")).count(),
                "the hash is replaced once");
    }

    @Test
    void anOldScryptAccountLogsInAndBooksANewAppointmentBesideTheOldOnes() {
        WebClient ravi = new WebClient(baseUrl);
        assertEquals(302, ravi.login("", "ravi@old.example", OLD_PASSWORD).statusCode(),
                "the e-mail address matches whatever its case in the old file");
        String id = ravi.holdFirstFreeSlot("doc2", "Migrated and booking again");
        assertEquals(302, ravi.payAtClinic(id).statusCode());
        String mine = ravi.get("/patient/appointment?id=" + id).body();
        assertTrue(mine.contains("Confirmed"), mine);
        assertFalse(ravi.get("/patient/appointment?id=7d1e0c4a-0000-4000-8000-00000000000a").body().contains("Knee pain"),
                "another patient's old appointment stays private");
    }

    @Test
    void theOldAdminSeesEveryOldAppointmentAndItsUnusedFieldsSurvive() throws IOException {
        WebClient admin = new WebClient(baseUrl);
        HttpResponse<String> login = admin.login("/admin", "desk@old.example", OLD_PASSWORD);
        assertEquals(302, login.statusCode());
        String dashboard = admin.get("/admin/dashboard").body();
        assertTrue(dashboard.contains("Sita Old") && dashboard.contains("TXN8F3A2B1C"), dashboard);
        String old = admin.get("/admin/appointment?id=7d1e0c4a-0000-4000-8000-00000000000b").body();
        assertTrue(old.contains("Refunded") && old.contains("Credit or debit card") && old.contains("Chest pain"), old);

        String users = Files.readString(dataDir.resolve("users.json"));
        assertTrue(users.contains("\"address\": \"12 MG Road, Pune\""), "the old file is not rewritten before compaction");
        List<String> appointments = Files.readAllLines(dataDir.resolve("appointments.json"));
        assertTrue(appointments.stream().anyMatch(line -> line.contains("\"consultation_fee\": 800")));
    }
}
