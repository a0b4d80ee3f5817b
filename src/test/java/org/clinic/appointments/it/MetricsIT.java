package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The product's metrics for a Prometheus scraper: behind a token, counting what patients and admins do. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MetricsIT {

    private static final String TOKEN = "scrape-token-5521";
    private static final String PATH = "/monitoring/metrics";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app("metrics", true, "appointments.metrics-token=" + TOKEN,
                "appointments.hold-expiry=PT8S", "appointments.hold-sweep-seconds=1");
    }

    @ArquillianResource
    URL baseUrl;

    private String scrape() {
        HttpResponse<String> response = new WebClient(baseUrl).get(PATH, "Authorization", "Bearer " + TOKEN);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        return response.body();
    }

    private static double value(String metrics, String series) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        if (!line.find()) {
            throw new AssertionError("no " + series + " in\n" + metrics);
        }
        return Double.parseDouble(line.group(1));
    }

    @Test
    void onlyAScraperWithTheTokenReadsTheMetrics() {
        WebClient stranger = new WebClient(baseUrl);
        assertEquals(401, stranger.get(PATH).statusCode());
        assertEquals(401, stranger.get(PATH, "Authorization", "Bearer wrong-token").statusCode());
        assertEquals(401, stranger.get(PATH, "Authorization", "Basic " + TOKEN).statusCode());
        stranger.registerAndLogin("Curious Patient", null);
        assertEquals(401, stranger.get(PATH).statusCode(), "a logged-in patient is not a scraper");
        String metrics = scrape();
        assertTrue(metrics.contains("# TYPE clinic_bookings_total counter"), metrics);
        assertTrue(metrics.contains("# TYPE clinic_ledger_append_seconds histogram"), metrics);
        assertTrue(value(metrics, "clinic_data_free_disk_bytes") > 0, "the figures health no longer shows: " + metrics);
    }

    @Test
    void bookingsPaymentsAdminActionsExpiredHoldsAndAppendsAreCounted() throws InterruptedException {
        String before = scrape();
        WebClient patient = new WebClient(baseUrl);
        patient.registerAndLogin("Counted Patient", null);
        String paidId = patient.holdFirstFreeSlot("doc3", "Counted visit");
        assertEquals(302, patient.payAtClinic(paidId).statusCode());
        WebClient forgetful = new WebClient(baseUrl);
        forgetful.registerAndLogin("Forgetful Patient", null);
        forgetful.holdFirstFreeSlot("doc4", "Left to expire");

        WebClient admin = new WebClient(baseUrl);
        admin.registerAndLogin("Counting Admin", Deployments.ADMIN_CODE);
        String page = admin.get("/admin/appointment?id=" + paidId).body();
        Matcher markPaid = Pattern.compile("id=\"actions:([^\"]+:act)\"[^>]*action-mark_paid").matcher(page);
        assertTrue(markPaid.find(), page);
        admin.submit("/admin/appointment?id=" + paidId, "actions", markPaid.group(1), Map.of("note", ""));

        String after = scrape();
        assertEquals(2, value(after, "clinic_bookings_total") - value(before, "clinic_bookings_total"));
        assertEquals(2, value(after, "clinic_appointments") - value(before, "clinic_appointments"));
        assertEquals(1, value(after, "clinic_payments_total{outcome=\"pending\"}")
                - value(before, "clinic_payments_total{outcome=\"pending\"}"));
        assertEquals(value(before, "clinic_payments_total{outcome=\"success\"}"),
                value(after, "clinic_payments_total{outcome=\"success\"}"), "marking paid is an admin action, not a payment");
        assertEquals(1, value(after, "clinic_admin_actions_total{action=\"mark_paid\"}")
                - value(before, "clinic_admin_actions_total{action=\"mark_paid\"}"));
        assertTrue(value(after, "clinic_ledger_append_seconds_count") - value(before, "clinic_ledger_append_seconds_count") >= 6,
                "three registrations, two holds, a payment and an admin action were appended");
        assertTrue(value(after, "clinic_ledger_journal_bytes") > value(before, "clinic_ledger_journal_bytes"));

        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        double expired = value(before, "clinic_holds_expired_total");
        while (value(scrape(), "clinic_holds_expired_total") == expired && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        assertEquals(1, value(scrape(), "clinic_holds_expired_total") - expired, "the unpaid hold expired");
    }
}
