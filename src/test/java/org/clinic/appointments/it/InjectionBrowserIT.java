package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;

/**
 * Script and markup typed by patients or stored in the data are shown as text in the real browser, on every page
 * that shows them: nothing injected ever runs.
 */
@RunAsClient
class InjectionBrowserIT extends PatientBrowserTestBase {

    private static final LocalDate SOON = inDays(4);
    private static final String IMG = "<img src=x onerror=window.__pwned=1>";
    private static final String SCRIPT = "<script>window.__pwned=2</script>";
    private static final String SVG = "<svg onload=window.__pwned=3>";

    @Deployment(testable = false)
    static WebArchive deployment() {
        String history = "\"history\": [{\"at\": \"2026-01-01T10:00:00Z\", \"actor\": \"seed\", \"action\": \"booked\","
                + " \"to_status\": \"confirmed\", \"note\": \"" + SCRIPT + "\"}]";
        String schedule = "{\"holidays\": [], \"plans\": {}, \"leaves\": [], \"inactive_doctors\": [], \"changes\": ["
                + "{\"at\": \"2026-01-01T10:00:00Z\", \"actor\": \"seed\", \"action\": \"schedule.leave_placed\","
                + " \"doctor_id\": \"doc1\", \"detail\": \"" + SCRIPT + " " + IMG + "\"}]}";
        String users = "[{\"id\": \"u-markup\", \"name\": \"" + SVG + "\", \"email\": \"markup@example.com\","
                + " \"role\": \"patient\", \"created_at\": \"2026-01-01T09:00:00Z\", \"changes\": [{\"at\":"
                + " \"2026-01-01T10:00:00Z\", \"actor\": \"seed\", \"action\": \"user.suspended\", \"detail\": \""
                + SCRIPT + " " + IMG + "\"}]}]";
        return Deployments.app("injection", true, dir -> {
            Deployments.writeAppointments(dir, List.of(
                    Deployments.appointment("x1", IMG, "doc1", SOON, "09:00 AM", "confirmed", "Success", "UPI", history),
                    Deployments.appointment("x2", SVG + " " + SCRIPT, "doc1", SOON, "10:00 AM", "confirmed", "Pending",
                            "Pay-at-Clinic", null)));
            try {
                java.nio.file.Files.writeString(dir.resolve("schedule.json"), schedule);
                java.nio.file.Files.writeString(dir.resolve("users.json"), users);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private void assertNothingRan(String where) {
        waitUntilReady();
        Object ran = ((JavascriptExecutor) browser()).executeScript(
                "return window.__pwned === undefined ? null : String(window.__pwned);");
        assertNull(ran, where + " ran injected script");
        try {
            browser().switchTo().alert();
            throw new AssertionError(where + " opened an alert");
        } catch (NoAlertPresentException expected) {
            // nothing popped up
        }
        assertTrue(browser().findElements(By.cssSelector("img[src='x'], svg[onload]")).isEmpty(),
                where + " holds injected elements");
    }

    @Test
    void storedMarkupIsTextOnEveryAdminPage() {
        String email = "admin-" + UUID.randomUUID() + "@example.com";
        open("/admin/register");
        type("registerForm:name", "Injection Admin");
        type("registerForm:email", email);
        type("registerForm:phone", "+91 99999 00000");
        type("registerForm:password", PASSWORD);
        type("registerForm:adminCode", Deployments.ADMIN_CODE);
        clickAndWait("registerForm:register");
        open("/admin/login");
        type("loginForm:email", email);
        type("loginForm:password", PASSWORD);
        clickAndWait("loginForm:login");

        open("/admin/dashboard");
        assertNothingRan("the dashboard");
        assertTrue(pageText().contains(IMG), "the name is shown as typed");
        open("/admin/dashboard?q=" + java.net.URLEncoder.encode(SCRIPT, java.nio.charset.StandardCharsets.UTF_8));
        assertNothingRan("the dashboard searched for a script");
        open("/admin/appointment?id=x1");
        assertNothingRan("the appointment page");
        assertTrue(pageText().contains(SCRIPT), "the note is shown as typed");
        open("/admin/appointment?id=x2");
        assertNothingRan("the second appointment page");
        open("/admin/timetable?doctor=doc1&date=" + SOON);
        assertNothingRan("the timetable");
        open("/admin/calendar?doctor=doc1&view=timeGridWeek&date=" + SOON);
        waitFor(() -> !browser().findElements(By.cssSelector(".fc-event")).isEmpty(), "the calendar's events");
        assertNothingRan("the calendar");
        assertTrue(pageText().contains(IMG), "the event title is text");
        open("/admin/audit");
        assertNothingRan("the audit trail");
        assertTrue(pageText().contains(SCRIPT + " " + IMG), "a schedule change's details are text");
        assertTrue(pageText().contains(SVG), "an account's name is text");
        assertEquals(2, pageText().split(java.util.regex.Pattern.quote(SCRIPT + " " + IMG), -1).length - 1,
                "so are an account change's details, as the schedule change's");
    }

    @Test
    void aPatientsOwnMarkupIsTextInTheirPages() {
        registerAndLogin("Mallory Patient");
        assertNothingRan("the page after login");
        String id = hold("doc2", SOON, "11:00 AM", IMG + " " + SCRIPT);
        assertNothingRan("the payment page");
        open("/patient/appointment?id=" + id);
        assertNothingRan("the appointment page");
        assertTrue(pageText().contains(IMG), "the reason is shown as typed");
        open("/patient/appointments");
        assertNothingRan("the appointment list");
        open("/patient/doctors?q=" + java.net.URLEncoder.encode(SVG, java.nio.charset.StandardCharsets.UTF_8));
        assertNothingRan("the doctors page with a search");
    }
}
