package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An export is built whole in the server's memory, so a table matching more rows than the configured limits offers
 * none and says why; a forged export request gets the page, not the file.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ExportLimitIT {

    private static final LocalDate DAY = LocalDate.now().plusDays(3);
    private static final String BOOKED = "{\"at\": \"2026-01-01T10:00:00Z\", \"actor\": \"seed\", \"action\": \"booked\","
            + " \"to_status\": \"pending_payment\"}";
    private static final String PAID = "{\"at\": \"2026-01-01T10:01:00Z\", \"actor\": \"seed\", \"action\": \"paid\","
            + " \"from_status\": \"pending_payment\", \"to_status\": \"confirmed\", \"to_payment\": \"Success\"}";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app("export-limit", true, dir -> Deployments.writeAppointments(dir, List.of(
                Deployments.appointment("a-1", "Riya Sharma", "doc1", DAY, "09:00 AM", "confirmed", "Success", "Card",
                        "\"history\": [" + BOOKED + ", " + PAID + "]"),
                Deployments.appointment("a-2", "Kabir Mehta", "doc1", DAY, "10:00 AM", "confirmed", "Success", "UPI",
                        "\"history\": [" + BOOKED + "]"),
                Deployments.appointment("a-3", "Asha Rao", "doc1", DAY, "11:00 AM", "confirmed", "Pending",
                        "Pay-at-Clinic", null),
                Deployments.appointment("a-4", "Ben Das", "doc2", DAY, "09:00 AM", "confirmed", "Success", "UPI", null))),
                "appointments.export-max-rows=2", "appointments.export-max-document-rows=1");
    }

    @ArquillianResource
    URL baseUrl;

    @Test
    void aTableBeyondTheLimitsOffersNoExportAndSaysWhy() {
        WebClient admin = new WebClient(baseUrl);
        admin.registerAndLogin("Limit Admin", Deployments.ADMIN_CODE);

        String all = admin.get("/admin/dashboard").body();
        assertTrue(all.contains("These filters match 4 rows. An export holds at most 2 rows as CSV and 1 as Excel or PDF"),
                "the admin is told why");
        assertTrue(disabled(all, "table:exportCsv") && disabled(all, "table:exportXlsx") && disabled(all, "table:exportPdf"));
        assertNotAFile(admin.download("/admin/dashboard", "table", "exportCsv"), "a forged CSV export of 4 rows");

        String two = admin.get("/admin/dashboard?doctor=doc1&payment=Success").body();
        assertFalse(disabled(two, "table:exportCsv"), "2 rows may go out as CSV");
        assertTrue(disabled(two, "table:exportXlsx") && two.contains("These filters match 2 rows."), "but not as Excel");
        String csv = new String(admin.download("/admin/dashboard?doctor=doc1&payment=Success", "table", "exportCsv").body(),
                StandardCharsets.UTF_8);
        assertTrue(csv.contains("Riya Sharma") && csv.contains("Kabir Mehta") && !csv.contains("Asha Rao"), csv);
        assertNotAFile(admin.download("/admin/dashboard?doctor=doc1&payment=Success", "table", "exportXlsx"),
                "a forged Excel export of 2 rows");

        String one = admin.get("/admin/dashboard?doctor=doc2").body();
        assertFalse(one.contains("These filters match"), "nothing to explain");
        HttpResponse<byte[]> pdf = admin.download("/admin/dashboard?doctor=doc2", "table", "exportPdf");
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""), "one row goes out as PDF");
    }

    @Test
    void theAuditTrailExportsWithinTheLimitOnly() {
        WebClient admin = new WebClient(baseUrl);
        admin.registerAndLogin("Audit Limit Admin", Deployments.ADMIN_CODE);
        String all = admin.get("/admin/audit").body();
        assertTrue(disabled(all, "table:exportCsv") && all.contains("These filters match 3 rows. An export holds at most 2:"),
                "three changes of appointments are more than an export holds");
        assertNotAFile(admin.download("/admin/audit", "table", "exportCsv"), "a forged export of the audit trail");
        String booked = new String(admin.download("/admin/audit?action=booked", "table", "exportCsv").body(),
                StandardCharsets.UTF_8);
        assertEquals(3, booked.lines().filter(line -> !line.isBlank()).count(), "the header and the two bookings: " + booked);
    }

    private static boolean disabled(String page, String buttonId) {
        return Pattern.compile("<button id=\"" + Pattern.quote(buttonId) + "\"[^>]*disabled=\"disabled\"").matcher(page).find();
    }

    private static void assertNotAFile(HttpResponse<byte[]> response, String what) {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")
                && response.headers().firstValue("Content-Disposition").isEmpty(), what + " gets the page, not a file");
        String page = new String(response.body(), StandardCharsets.UTF_8);
        assertFalse(page.contains("Riya Sharma,") || page.contains("\"Riya Sharma\""), what + ": no row goes out");
    }
}
