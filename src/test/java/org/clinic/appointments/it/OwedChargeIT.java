package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A charge owed back when the server stopped (the gateway could not give it back at once) is given back by the
 * server's own attempt soon after it starts; the front desk reads both steps on the appointment, and its patient
 * reads the reversal's reference on their own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OwedChargeIT {

    private static final LocalDate DAY = LocalDate.now().plusDays(3);
    private static final String OWED = "{\"at\": \"2026-01-01T10:20:00Z\", \"actor\": \"system\","
            + " \"action\": \"payment_reversal_owed\", \"from_status\": \"cancelled\", \"to_status\": \"cancelled\","
            + " \"note\": \"TXNLOSTCHARGE1\"}";

    /** The patient's password, and its hash as the earlier system wrote it (see {@code FlaskMigrationIT}). */
    private static final String PASSWORD = "Old-Flask-Pass-7";
    private static final String HASH =
            "pbkdf2:sha256:1000$tE6NHfAsOTV8BE6V$575cc91457e790e0f55f3b2e3b5cc878cbdb7d5cbfbf13d9a217cfa854fcf6d1";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app("owed-charge", true, dir -> {
            writeUsers(dir);
            Deployments.writeAppointments(dir, List.of(
                Deployments.appointment("owed-1", "Riya Sharma", "doc1", DAY, "09:00 AM", "cancelled", null, null,
                        "\"history\": [{\"at\": \"2026-01-01T10:00:00Z\", \"actor\": \"seed-riya.sharma\","
                        + " \"action\": \"booked\", \"to_status\": \"pending_payment\"},"
                        + " {\"at\": \"2026-01-01T10:16:00Z\", \"actor\": \"system\", \"action\": \"hold_expired\","
                        + " \"from_status\": \"pending_payment\", \"to_status\": \"cancelled\"}, " + OWED + "]")));
        });
    }

    private static void writeUsers(java.nio.file.Path dir) {
        try {
            java.nio.file.Files.writeString(dir.resolve("users.json"), "[{\"id\": \"seed-riya.sharma\","
                    + " \"name\": \"Riya Sharma\", \"email\": \"riya.sharma@example.com\", \"password\": \"" + HASH
                    + "\", \"phone\": \"9876500001\", \"role\": \"patient\", \"created_at\": \"2026-01-01T09:00:00Z\"}]");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ArquillianResource
    URL baseUrl;

    @Test
    void aChargeOwedBeforeTheStartIsGivenBackSoonAfterItAndTheDeskReadsBothSteps() throws InterruptedException {
        WebClient admin = new WebClient(baseUrl);
        admin.registerAndLogin("Desk Admin", Deployments.ADMIN_CODE);
        String page = admin.get("/admin/appointment?id=owed-1").body();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!page.contains("TXNLOSTCHARGE1 given back as RFD") && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            page = admin.get("/admin/appointment?id=owed-1").body();
        }
        assertTrue(page.contains("TXNLOSTCHARGE1 given back as RFD"), page);
        assertTrue(page.contains("Charge for the gateway to give back") && page.contains("Charge given back by the gateway"), page);
        assertTrue(page.contains("<dt>Given back</dt><dd class=\"mono charge-given-back\">TXNLOSTCHARGE1 as RFD")
                && !page.contains("charge-owed"), "the facts say what was given back, and nothing is owed: " + page);
        String trail = admin.get("/admin/audit?action=payment_reversal_owed").body();
        assertTrue(trail.contains("owed-1"), "the audit trail finds the owed charge: " + trail);

        WebClient patient = new WebClient(baseUrl);
        assertEquals(302, patient.login("", "riya.sharma@example.com", PASSWORD).statusCode());
        String own = patient.get("/patient/appointment?id=owed-1").body();
        assertTrue(own.contains("A charge for this appointment (TXNLOSTCHARGE1) came too late to be recorded, so it was"
                + " given back to you (reversal reference RFD"), own);
        assertFalse(own.contains("is being given back automatically"), "nothing is owed any more");
    }
}
