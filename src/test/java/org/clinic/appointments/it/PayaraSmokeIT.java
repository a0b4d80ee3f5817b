package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The WAR the build makes, deployed unchanged on Payara Micro 6: the patient journey, an admin action and the
 * login protection work there too.
 */
class PayaraSmokeIT {

    private static final String ADMIN_CODE = "payara-smoke-code";
    private static final String METRICS_TOKEN = "payara-scrape-token";

    private static PayaraMicroServer payara;
    private static URL baseUrl;

    @BeforeAll
    static void startPayara() throws Exception {
        Path work = TempDirs.create("payara-smoke");
        Path data = Files.createDirectories(work.resolve("data"));
        Path projectData = Path.of(System.getProperty("project.data.dir", "data"));
        Files.copy(projectData.resolve("doctors.json"), data.resolve("doctors.json"));
        Files.copy(projectData.resolve("symptoms.json"), data.resolve("symptoms.json"));
        payara = PayaraMicroServer.start(work, Map.of("APPOINTMENTS_DATA_DIR", data.toString(),
                "ADMIN_REGISTRATION_CODE", ADMIN_CODE, "APPOINTMENTS_METRICS_TOKEN", METRICS_TOKEN), List.of());
        baseUrl = payara.baseUrl();
    }

    @AfterAll
    static void stopPayara() throws InterruptedException {
        if (payara != null) {
            payara.stop();
        }
    }

    @Test
    void homePageAndProtectedPagesSendStrangersToTheirLoginPage() {
        WebClient stranger = new WebClient(baseUrl);
        HttpResponse<String> home = stranger.get("/");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("Healthcare Plus") && home.body().contains("/register"), home.body());
        assertRedirectsTo(stranger.get("/patient/appointments"), "/login");
        assertRedirectsTo(stranger.get("/admin/dashboard"), "/admin/login");
        HttpResponse<String> ajax = send(HttpRequest.newBuilder(URI.create(baseUrl.toString().replaceAll("/$", "")
                + "/patient/doctors")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Faces-Request", "partial/ajax")
                .POST(HttpRequest.BodyPublishers.ofString("jakarta.faces.partial.ajax=true")).build());
        assertEquals(200, ajax.statusCode(), "an ajax request is sent to the login page the browser's way");
        assertTrue(ajax.body().contains("<partial-response><redirect url=\"/login\""), ajax.body());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPatientBooksAndPaysAndAnAdminMarksTheClinicPaymentPaid() throws IOException {
        WebClient patient = new WebClient(baseUrl);
        patient.registerAndLogin("Payara Patient", null);
        assertEquals(200, patient.get("/patient/appointments").statusCode());

        String appointmentId = patient.holdFirstFreeSlot("doc1", "Smoke test on Payara");
        HttpResponse<String> paid = patient.payAtClinic(appointmentId);
        assertEquals(302, paid.statusCode(), "payment answered " + paid.statusCode() + ": " + paid.body());
        String mine = patient.get("/patient/appointment?id=" + appointmentId).body();
        assertTrue(mine.contains("Confirmed") && mine.contains("Pay at clinic"), mine);

        WebClient admin = new WebClient(baseUrl);
        admin.registerAndLogin("Payara Admin", ADMIN_CODE);
        HttpResponse<String> landing = admin.get("/admin/dashboard");
        assertEquals(200, landing.statusCode(), "the first page after the admin's login: " + landing.body());
        String adminPage = admin.get("/admin/appointment?id=" + appointmentId).body();
        Matcher markPaid = Pattern.compile("id=\"actions:([^\"]+:act)\"[^>]*action-mark_paid").matcher(adminPage);
        assertTrue(markPaid.find(), "the admin may mark the clinic payment paid:\n" + adminPage);
        HttpResponse<String> marked = admin.submit("/admin/appointment?id=" + appointmentId, "actions",
                markPaid.group(1), Map.of("note", "Paid at the desk"));
        assertTrue(marked.statusCode() < 400, "mark paid answered " + marked.statusCode());
        String after = admin.get("/admin/appointment?id=" + appointmentId).body();
        assertTrue(after.contains("Paid at the desk") && !after.contains("action-mark_paid"),
                "the payment is marked paid, with the note in the history:\n" + after);
        assertTrue(patient.get("/patient/appointment?id=" + appointmentId).body().contains("Paid"));

        String metrics = patient.get("/monitoring/metrics", "Authorization", "Bearer " + METRICS_TOKEN).body();
        assertTrue(metrics.contains("clinic_bookings_total 1.0") && metrics.contains("clinic_payments_total{outcome=\"pending\"} 1.0")
                && metrics.contains("clinic_admin_actions_total{action=\"mark_paid\"} 1.0"), metrics);

        HttpResponse<String> health = patient.get("/health/ready");
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"ledger\"") && health.body().contains("\"UP\""), health.body());
        assertFalse(health.body().matches("(?s).*\"data\":\\{[^}].*"), "UP or DOWN only on the public port: " + health.body());
    }

    private static void assertRedirectsTo(HttpResponse<String> response, String path) {
        assertEquals(302, response.statusCode(), "expected a redirect to " + path);
        assertTrue(path(response).startsWith(path), "redirect to " + path(response) + " instead of " + path);
    }

    private static String path(HttpResponse<String> response) {
        URI location = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
        return location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
    }
}
