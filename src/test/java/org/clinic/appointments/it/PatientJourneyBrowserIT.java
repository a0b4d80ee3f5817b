package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A patient finds a doctor, books, pays, gets the confirmation and manages the appointment. */
@RunAsClient
class PatientJourneyBrowserIT extends PatientBrowserTestBase {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app("journey", false, "appointments.payment-success-rate=1.0");
    }

    @Test
    void searchProfileBookPayConfirmRescheduleCancel() throws Exception {
        registerAndLogin("Asha Rao");

        open("/patient/doctors");
        type("searchForm:query", "cardio");
        waitFor(() -> !exists("doctor-doc2"), "the orthopedic surgeon is filtered out as the patient types");
        assertTrue(exists("doctor-doc1"), "the cardiologist is found");
        browser().findElement(By.cssSelector("#doctor-doc1 a[id$='profile']")).click();
        waitUntilReady();
        assertEquals("/patient/doctor", path());
        assertEquals("Dr. Rajesh Kumar Sharma", text("doctorName"));
        assertTrue(text("doctorQualification").contains("DM (Cardiology)"));
        assertFalse(text("nextFree").isBlank(), "the profile names the next free slot");

        clickAndWait("book");
        assertEquals("/patient/book", path());
        LocalDate day = inDays(3);
        chooseDate(day);
        assertTrue(browser().findElement(By.cssSelector("[data-date='" + day + "'] .badge")).getText()
                .contains("Available"));
        chooseSlot("10:00 AM");
        type("bookForm:reason", "Chest pain when climbing stairs");
        clickAndWait("bookForm:submit");
        assertEquals("/patient/pay", path(), messages());
        String id = appointmentIdInUrl();
        assertTrue(text("summaryDoctor").contains("Rajesh"));
        assertTrue(text("summaryTime").contains("10:00 AM"));
        assertTrue(text("holdCountdown").matches("1[0-5]:\\d\\d|0\\d:\\d\\d"), "a countdown shows the hold: " + text("holdCountdown"));

        payByCard("4242 4242 4242 4242", validExpiry(), "123", "Asha Rao");
        assertEquals("/patient/payment-result", path(), messages());
        assertTrue(exists("paymentSuccess"));
        assertTrue(text("summaryTransaction").startsWith("TXN"));
        assertTrue(text("summaryMethod").contains("Visa") && text("summaryMethod").contains("4242"));
        assertFalse(pageText().contains("4242 4242 4242 4242"), "the full card number is never shown");

        clickAndWait("viewConfirmation");
        assertEquals("/patient/appointment", path());
        assertEquals("Confirmed", text("summaryStatus"));
        assertEquals("Paid", text("summaryPayment"));
        assertTrue(text("summaryReason").contains("Chest pain"));
        String ics = download(id("ics").getAttribute("href"));
        assertTrue(ics.contains("BEGIN:VEVENT") && ics.contains("Dr. Rajesh Kumar Sharma"), ics);
        assertTrue(ics.contains("UID:" + id), ics);

        open("/patient/appointments");
        assertTrue(id("list:upcoming").getText().contains("Dr. Rajesh Kumar Sharma"));

        open("/patient/appointment?id=" + id);
        clickAndWait("actions:reschedule");
        assertEquals("/patient/book", path());
        assertTrue(exists("reschedulingNote"));
        LocalDate newDay = inDays(4);
        chooseDate(newDay);
        chooseSlot("11:00 AM");
        clickAndWait("bookForm:submit");
        assertEquals("/patient/appointment", path(), messages());
        assertTrue(messages().contains("now is on"), messages());
        assertTrue(text("summaryTime").contains("11:00 AM"));

        openBooking("doc1");
        chooseDate(day);
        assertTrue(slotOffered("10:00 AM"), "the old slot was released by the reschedule");
        chooseDate(newDay);
        assertFalse(slotOffered("11:00 AM"), "the new slot is taken");

        open("/patient/appointment?id=" + id);
        id("actions:cancel").click();
        id("confirmYes").click();
        waitForPath("/patient/appointment");
        assertTrue(messages().contains("refunded"), messages());
        assertEquals("Cancelled", text("summaryStatus"));
        assertEquals("Refunded", text("summaryPayment"));
        assertFalse(exists("actions:cancel"), "a cancelled appointment offers no cancel button");
        openBooking("doc1");
        chooseDate(newDay);
        assertTrue(slotOffered("11:00 AM"), "cancelling freed the slot");
    }

    private void waitForPath(String expected) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser(), java.time.Duration.ofSeconds(20))
                .until(d -> path().equals(expected) && exists("summaryStatus"));
        waitUntilReady();
    }

    /** Fetches a link with the browser's session cookie. */
    private String download(String href) throws Exception {
        String cookie = "JSESSIONID=" + browser().manage().getCookieNamed("JSESSIONID").getValue();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(URI.create(href)).header("Cookie", cookie).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/calendar"));
        return response.body();
    }
}
