package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The admin portal over plain HTTP: closed to strangers and to patients, every page and every action. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminAccessIT {

    private static final LocalDate DAY = LocalDate.now().plusDays(3);
    private static final List<String> ADMIN_PAGES = List.of("/admin/dashboard", "/admin/dashboard?doctor=doc1",
            "/admin/appointment?id=paid-1", "/admin/timetable?doctor=doc1", "/admin/calendar", "/admin/audit",
            "/admin/dashboard.xhtml", "/admin/appointment.xhtml?id=paid-1", "/admin/timetable.xhtml",
            "/admin/calendar.xhtml", "/admin/audit.xhtml");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app("admin-access", true, dir -> Deployments.writeAppointments(dir, List.of(
                Deployments.appointment("paid-1", "Riya Sharma", "doc1", DAY, "09:00 AM", "confirmed", "Success", "Card",
                        "\"history\": [{\"at\": \"2026-01-01T10:00:00Z\", \"actor\": \"seed-riya.sharma\", \"action\": \"booked\","
                        + " \"to_status\": \"pending_payment\"}, {\"at\": \"2026-01-01T10:01:00Z\", \"actor\": \"seed-riya.sharma\","
                        + " \"action\": \"paid\", \"from_status\": \"pending_payment\", \"to_status\": \"confirmed\","
                        + " \"to_payment\": \"Success\"}]"),
                Deployments.appointment("formula-1", "=SUM(1+1)", "doc2", DAY, "09:00 AM", "confirmed", "Success", "UPI", null),
                Deployments.appointment("clinic-1", "Kabir Mehta", "doc1", DAY, "10:00 AM", "confirmed", "Pending",
                        "Pay-at-Clinic", null))));
    }

    @ArquillianResource
    URL baseUrl;

    @ParameterizedTest
    @ValueSource(strings = {"/admin/dashboard?doctor=doc1", "/admin/appointment?id=paid-1", "/admin/timetable",
        "/admin/calendar", "/admin/audit"})
    void strangersAreSentToTheAdminLogin(String path) {
        HttpResponse<String> response = new WebClient(baseUrl).get(path);
        assertEquals(302, response.statusCode(), path);
        assertTrue(response.headers().firstValue("Location").orElse("").endsWith("/admin/login"), path);
    }

    @Test
    void aPatientReachesNoAdminPage() {
        WebClient patient = new WebClient(baseUrl);
        patient.registerAndLogin("Nosy Patient", null);
        for (String path : ADMIN_PAGES) {
            HttpResponse<String> response = patient.get(path);
            assertEquals(404, response.statusCode(), path);
            assertTrue(response.body().contains("error-404"), path);
            assertTrue(!response.body().contains("Riya Sharma"), path + " shows nothing of the appointment");
        }
    }

    @Test
    void theDashboardChartCountsEachDoctorsBookingsByStatusBusiestFirst() {
        WebClient admin = new WebClient(baseUrl);
        admin.registerAndLogin("Chart Reader", Deployments.ADMIN_CODE);
        String dashboard = admin.get("/admin/dashboard").body();
        assertTrue(dashboard.contains("\"labels\":[\"Dr. Rajesh Kumar Sharma\",\"Dr. Amit Singh Rathore\""), dashboard);
        assertTrue(dashboard.contains("\"label\":\"Confirmed\",\"data\":[2,1"), dashboard);
    }

    @Test
    void aPatientCannotTakeAnyAdminActionEvenWithAnAdminsForm() {
        WebClient admin = new WebClient(baseUrl);
        admin.registerAndLogin("Clinic Admin", Deployments.ADMIN_CODE);
        String dashboard = admin.get("/admin/dashboard").body();
        String appointmentPage = admin.get("/admin/appointment?id=clinic-1").body();
        assertTrue(dashboard.contains("Kabir Mehta") && appointmentPage.contains("Mark paid"), "the admin sees both");

        WebClient patient = new WebClient(baseUrl);
        patient.registerAndLogin("Forging Patient", null);
        Map<String, String> forged = Map.of("note", "forged");
        for (String[] target : new String[][] {
            {"/admin/appointment?id=clinic-1", "actions", "j_idt1:0:act"},
            {"/admin/appointment?id=paid-1", "actions", "j_idt1:0:act"},
            {"/admin/dashboard", "table", "appointments:0:j_idt1:1:act"},
            {"/admin/timetable?doctor=doc1&date=" + DAY, "slots", "timetable:0:j_idt1:0:act"},
            {"/admin/dashboard", "table", "exportCsv"},
            {"/admin/audit", "table", "exportCsv"},
            {"/admin/audit", "doctorChangesForm", "exportCsv"},
            {"/admin/audit", "scheduleChangesForm", "exportCsv"},
            {"/admin/audit", "accountChangesForm", "exportCsv"}}) {
            HttpResponse<String> response = patient.post(target[0], target[1], target[2], forged, "stateless");
            assertEquals(404, response.statusCode(), target[0]);
            assertTrue(!response.body().contains("Riya Sharma") && !response.body().contains("Kabir Mehta"), target[0]);
        }

        String after = admin.get("/admin/appointment?id=clinic-1").body();
        assertTrue(after.contains("Pay at clinic") && after.contains("Mark paid"), "the Pay-at-Clinic payment is still pending");
        assertTrue(!admin.get("/admin/audit").body().contains("forged"), "no change was recorded");
    }

    @Test
    void anAdminExportsTheFilteredTableAsExcelAndPdfAndTheAuditTrailAsCsv() {
        WebClient admin = new WebClient(baseUrl);
        admin.registerAndLogin("Export Admin", Deployments.ADMIN_CODE);
        HttpResponse<byte[]> xlsx = admin.download("/admin/dashboard?doctor=doc1&payment=Success", "table", "exportXlsx");
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                xlsx.headers().firstValue("Content-Type").orElse(""));
        String sheet = cellsOfFirstSheet(xlsx.body());
        assertTrue(sheet.contains("Riya Sharma") && !sheet.contains("Kabir Mehta"), "the filtered rows only: " + sheet);
        assertEquals(List.of("no-store"), xlsx.headers().allValues("Cache-Control"), "an export is never kept");
        HttpResponse<byte[]> pdf = admin.download("/admin/dashboard?doctor=doc1", "table", "exportPdf");
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertEquals(List.of("no-store"), pdf.headers().allValues("Cache-Control"));
        assertTrue(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-"));

        String formulaCsv = new String(admin.download("/admin/dashboard?doctor=doc2", "table", "exportCsv").body(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(formulaCsv.contains("\"'=SUM(1+1)\""), "a name a spreadsheet would run stays text: " + formulaCsv);

        HttpResponse<byte[]> audit = admin.download("/admin/audit?action=booked", "table", "exportCsv");
        assertTrue(audit.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String csv = new String(audit.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(csv.contains("\"When\"") && csv.contains("\"Who\""), csv);
        List<String> rows = csv.lines().filter(line -> !line.isBlank()).toList();
        assertEquals(2, rows.size(), "the header and the one booking in the history: " + csv);
        assertTrue(rows.get(1).contains("\"paid-1\"") && rows.get(1).contains("Booked (slot held)"), rows.get(1));
    }

    private static String cellsOfFirstSheet(byte[] xlsx) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            DataFormatter formatter = new DataFormatter();
            StringBuilder cells = new StringBuilder();
            for (Row row : workbook.getSheetAt(0)) {
                row.forEach(cell -> cells.append(formatter.formatCellValue(cell)).append(" | "));
                cells.append('\n');
            }
            return cells.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("not an Excel workbook", e);
        }
    }
}
