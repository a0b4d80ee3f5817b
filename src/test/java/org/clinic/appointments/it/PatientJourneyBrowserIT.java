package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/** A patient finds a doctor, books, pays, gets the confirmation and manages the appointment. */
@RunAsClient
class PatientJourneyBrowserIT extends PatientBrowserTestBase {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app("journey", false, "appointments.payment-success-rate=1.0",
                "appointments.max-active-bookings=20", "appointments.max-bookings-per-doctor=20",
                "appointments.max-bookings-per-day=20");
    }

    @Test
    void searchProfileBookPayConfirmRescheduleCancel() throws Exception {
        registerAndLogin("Asha Rao");

        open("/patient/doctors");
        assertEquals(id("searchForm:query").getLocation().getY(), id("searchForm:specialization").getLocation().getY(),
                "the search field and the specialization's choice stand side by side, level");
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
        assertTrue(messages().contains("now is on " + PageDates.day(newDay) + " at 11:00 AM"), messages());
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
        String refund = browser().findElement(By.cssSelector(".charge-given-back")).getText();
        assertTrue(refund.contains("refunded through the payment gateway (refund reference RFD"), refund);
        assertFalse(exists("actions:cancel"), "a cancelled appointment offers no cancel button");
        openBooking("doc1");
        chooseDate(newDay);
        assertTrue(slotOffered("11:00 AM"), "cancelling freed the slot");
    }

    private void waitForPath(String expected) {
        waiting(java.time.Duration.ofSeconds(20))
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

    @Test
    void anAjaxActionOnAPageThatExpiredShowsTheExpiredPage() {
        registerAndLogin("Meera Pillai");
        open("/patient/doctors");
        ((JavascriptExecutor) browser()).executeScript("document.querySelectorAll(\"input[name='jakarta.faces.ViewState']\")"
                + ".forEach(field => field.value = 'a-view-this-server-never-issued');");
        type("searchForm:query", "cardio");
        waitFor(() -> exists("error-expired"), "the search on the expired page answers with the expired page");
        assertTrue(exists("errorHome"), "the page offers the way home: " + pageText());
        assertTrue(exists("navAppointments") && exists("logoutLink"), "with the patient's own menu: " + pageText());
        checkAccessibility();
        clickAndWait("errorAgain");
        assertEquals("/patient/doctors", path(), "the page offers the page it came from, open again");
        assertTrue(exists("searchForm:query"));
    }

    @Test
    void anAjaxActionAfterTheSessionEndedGoesToTheLoginPageAndBack() {
        String email = registerAndLogin("Vikram Sethi");
        String id = hold("doc3", inDays(11), "09:00 AM", "Sore throat");
        browser().manage().deleteAllCookies();
        chooseMethod("UPI");
        waitFor(() -> "/login".equals(path()), "choosing how to pay after the session ended goes to the login page");
        type("loginForm:email", email);
        type("loginForm:password", PASSWORD);
        clickAndWait("loginForm:login");
        assertEquals("/patient/pay", path(), "after signing in again the patient is back on their page");
        assertEquals(id, appointmentIdInUrl(), "with the same appointment");
    }

    @Test
    void anAjaxActionTheServerDoesNotAnswerSaysSo() {
        registerAndLogin("Farah Khan");
        open("/patient/doctors");
        assertTrue(text("connectionProblem").isEmpty(), "no alert while everything answers");
        ((JavascriptExecutor) browser()).executeScript("PrimeFaces.ajax.Request.handle({source: 'searchForm:query',"
                + " event: 'keyup', process: 'searchForm:query', update: 'results'}); PrimeFaces.ajax.Queue.abortAll();");
        waitUntilReady();
        assertTrue(text("connectionProblem").isEmpty(), "a request the page called off is no failure");
        ChromeDriver chromium = (ChromeDriver) browser();
        chromium.executeCdpCommand("Network.enable", Map.of());
        chromium.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", true, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
        try {
            type("searchForm:query", "cardio");
            waitFor(() -> text("connectionProblem").contains("did not answer"), "the page says the server did not answer");
        } finally {
            chromium.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                    "downloadThroughput", -1, "uploadThroughput", -1));
        }
        type("searchForm:query", "cardio");
        waitFor(() -> text("connectionProblem").isEmpty(), "the next answered search clears the alert");
        assertTrue(exists("doctor-doc1"), "and its results are shown");
        checkAccessibility();
    }

    @Test
    void everyMethodPaysAndPayAtClinicLeavesThePaymentPending() {
        registerAndLogin("Ravi Iyer");
        LocalDate day = inDays(6);

        hold("doc2", day, "09:00 AM", "Knee pain");
        chooseMethod("UPI");
        selectMenu("payForm:upiApp", "GPay");
        type("payForm:vpa", "ravi.iyer@okaxis");
        clickAndWait("payForm:pay");
        assertTrue(exists("paymentSuccess"), messages());
        assertEquals("UPI · GPay", text("summaryMethod"));

        hold("doc2", day, "10:00 AM", "Follow-up");
        chooseMethod("Net banking");
        selectMenu("payForm:bank", "HDFC Bank");
        clickAndWait("payForm:pay");
        assertTrue(exists("paymentSuccess"), messages());
        assertEquals("Net banking · HDFC Bank", text("summaryMethod"));

        hold("doc2", day, "11:00 AM", "X-ray review");
        chooseMethod("Wallet");
        selectMenu("payForm:wallet", "PhonePe Wallet");
        clickAndWait("payForm:pay");
        assertTrue(exists("paymentSuccess"), messages());

        hold("doc2", day, "12:00 PM", "Physiotherapy advice");
        chooseMethod("Pay at the clinic");
        clickAndWait("payForm:pay");
        assertTrue(exists("paymentPending"), messages());
        assertEquals("Confirmed", text("summaryStatus"));
        assertEquals("Pay at clinic", text("summaryPayment"));

        open("/patient/appointments");
        assertEquals(4, browser().findElements(By.cssSelector("[id='list:upcoming'] tr.appointment-row")).size());
    }

    @Test
    void aConfirmedAppointmentPrintsWithThePatientsNameAndWithoutMenusOrButtons() {
        registerAndLogin("Lata Menon");
        String id = hold("doc8", inDays(9), "02:00 PM", "Asthma review");
        chooseMethod("Pay at the clinic");
        clickAndWait("payForm:pay");
        open("/patient/appointment?id=" + id);
        assertFalse(id("summaryPatient").isDisplayed(), "on screen the patient's own name is not repeated");
        assertTrue(clickPrints("print"), "the Print button opens the browser's print dialog");

        showOnPaper(true);
        assertEquals("Lata Menon", text("summaryPatient"));
        assertTrue(id("summaryDoctor").isDisplayed() && id("summaryTime").isDisplayed());
        for (String screenOnly : List.of("navAppointments", "logoutForm:logout", "print", "ics", "actions:cancel",
                "actions:reschedule")) {
            assertFalse(id(screenOnly).isDisplayed(), screenOnly + " is left off the paper");
        }
    }

    @Test
    void theDeclinedTestCardReleasesTheSlotAndOffersAnotherOne() {
        registerAndLogin("Meena Das");
        LocalDate day = inDays(7);
        hold("doc3", day, "09:00 AM", "Skin rash");
        payByCard("4000 0000 0000 0002", validExpiry(), "123", "Meena Das");
        assertTrue(exists("paymentFailed"), messages());
        assertEquals("Cancelled", text("summaryStatus"));
        assertEquals("Failed", text("summaryPayment"));
        clickAndWait("tryAnotherSlot");
        assertEquals("/patient/book", path());
        chooseDate(day);
        assertTrue(slotOffered("09:00 AM"), "the declined booking's slot is free again at once");
    }

    @Test
    void wrongPaymentDetailsAreExplainedFieldByFieldAndNothingIsCharged() {
        registerAndLogin("Kiran Shah");
        String id = hold("doc4", inDays(8), "09:00 AM", "Vaccination");

        clickAndWait("payForm:pay");
        assertTrue(text("payForm:methodMessage").contains("choose a payment method"));

        chooseMethod("Credit or debit card");
        assertEquals(List.of(true, true), ((JavascriptExecutor) browser()).executeScript("""
                const page = getComputedStyle(document.body).fontFamily;
                return ['payForm:pay', 'payForm:cardNumber']
                    .map(id => getComputedStyle(document.getElementById(id)).fontFamily === page);"""),
                "the button and the fields are in the page's font, not the widget theme's");
        type("payForm:cardNumber", "4242 4242 4242 4241");
        type("payForm:cardExpiry", "01/20");
        type("payForm:cardCvv", "12");
        type("payForm:cardName", " ");
        clickAndWait("payForm:pay");
        assertTrue(text("payForm:cardNumberMessage").contains("not valid"), messages());
        assertTrue(text("payForm:cardExpiryMessage").contains("expired"), messages());
        assertTrue(text("payForm:cardCvvMessage").contains("CVV"), messages());
        assertTrue(text("payForm:cardNameMessage").contains("name on the card"), messages());
        assertTrue(id("payForm:cardNumber").getAttribute("value").isEmpty(), "the card number is not sent back");

        chooseMethod("UPI");
        type("payForm:vpa", "kiran");
        clickAndWait("payForm:pay");
        assertTrue(text("payForm:upiAppMessage").contains("UPI app"), messages());
        assertTrue(text("payForm:vpaMessage").contains("name@bank"), messages());

        chooseMethod("Net banking");
        clickAndWait("payForm:pay");
        assertTrue(text("payForm:bankMessage").contains("bank"), messages());

        chooseMethod("Wallet");
        clickAndWait("payForm:pay");
        assertTrue(text("payForm:walletMessage").contains("wallet"), messages());

        open("/patient/appointment?id=" + id);
        assertEquals("Awaiting payment", text("summaryStatus"));
        assertEquals("Not paid", text("summaryPayment"));
    }

    @Test
    void aPaidOrCancelledAppointmentCannotBePaidAgain() {
        registerAndLogin("Leela Nair");
        LocalDate day = inDays(9);
        String paid = hold("doc5", day, "09:00 AM", "Migraine");
        payByCard("4242424242424242", validExpiry(), "321", "Leela Nair");
        String transaction = text("summaryTransaction");

        browser().navigate().back();
        waitUntilReady();
        if (exists("payForm:pay")) {
            payByCard("4242424242424242", validExpiry(), "321", "Leela Nair");
            assertTrue(pageText().contains("already confirmed"), "a back-button resubmit is refused: " + messages());
        }
        open("/patient/pay?id=" + paid);
        assertTrue(text("notPayable").contains("already confirmed"));
        assertFalse(exists("payForm:pay"));
        open("/patient/appointment?id=" + paid);
        assertEquals(transaction, text("summaryTransaction"), "nothing was charged twice");

        String released = hold("doc5", day, "10:00 AM", "Dizziness");
        open("/patient/appointment?id=" + released);
        id("actions:cancel").click();
        id("confirmYes").click();
        waiting(java.time.Duration.ofSeconds(20))
                .until(d -> exists("summaryStatus") && text("summaryStatus").equals("Cancelled"));
        open("/patient/pay?id=" + released);
        assertTrue(text("notPayable").contains("cancelled"), text("notPayable"));
        assertFalse(exists("payForm:pay"));
    }

    @Test
    void anotherPatientsAppointmentAnswersAsNotFound() throws Exception {
        registerAndLogin("Owner Patient");
        String id = hold("doc6", inDays(10), "09:00 AM", "Fever for three days");
        payByCard("4242424242424242", validExpiry(), "123", "Owner Patient");

        browser().manage().deleteAllCookies();
        registerAndLogin("Other Patient");
        for (String page : new String[] {"/patient/pay?id=", "/patient/appointment?id=", "/patient/payment-result?id=",
                "/patient/book?reschedule="}) {
            open(page + id);
            assertTrue(pageText().contains("Page not found"), page + " shows: " + pageText());
            assertTrue(exists("navAppointments") && exists("navDoctors"), "the menu leads on from a stale link");
            assertFalse(pageText().contains("Fever for three days"), "nothing of the appointment is shown");
        }
        String cookie = "JSESSIONID=" + browser().manage().getCookieNamed("JSESSIONID").getValue();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (String page : new String[] {"/patient/appointment.ics?id=", "/patient/appointment?id=", "/patient/pay?id="}) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(baseUrl.toString().replaceAll("/$", "") + page + id)).header("Cookie", cookie).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, response.statusCode(), page);
        }
    }

    @Test
    void cancellingAndReschedulingCloseAtTheCutOff() {
        registerAndLogin("Late Patient");
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now(CLINIC_ZONE);
        String[] times = {"09:00 AM", "10:00 AM", "11:00 AM", "12:00 PM", "02:00 PM", "03:00 PM", "04:00 PM", "05:00 PM"};
        LocalDate day = null;
        String time = null;
        for (int d = 0; d <= 1 && time == null; d++) {
            for (String t : times) {
                java.time.ZonedDateTime start = inDays(d).atTime(java.time.LocalTime.parse(t,
                        java.time.format.DateTimeFormatter.ofPattern("hh:mm a", java.util.Locale.ENGLISH))).atZone(CLINIC_ZONE);
                if (start.isAfter(now.plusMinutes(10)) && start.isBefore(now.plusHours(23))) {
                    day = inDays(d);
                    time = t;
                    break;
                }
            }
        }
        String id = hold("doc7", day, time, "Routine check-up");
        payByCard("4242424242424242", validExpiry(), "123", "Late Patient");
        open("/patient/appointment?id=" + id);
        assertEquals("Confirmed", text("summaryStatus"));
        assertFalse(exists("actions:cancel"), "no cancel button inside the cut-off");
        assertFalse(exists("actions:reschedule"), "no reschedule button inside the cut-off");
        assertTrue(text("changeRefused").contains("24 hours"), text("changeRefused"));
    }

    @Test
    void theSymptomCheckerSuggestsSpecialistsAndSaysItIsNoDiagnosis() {
        registerAndLogin("Symptom Patient");
        open("/patient/symptoms");
        assertTrue(text("disclaimer").contains("not a diagnosis"));
        type("symptomForm:symptom_input", "pain in my knee");
        clickAndWait("symptomForm:check");
        assertTrue(text("advice").contains("Orthopedic Surgeon"), text("advice"));
        assertTrue(exists("recommended-doc2"), "the orthopedic surgeon is recommended");
        assertTrue(text("advice").contains("Ligament"), "possible causes are listed");
        assertTrue(text("advice").contains("not a diagnosis"));

        type("symptomForm:symptom_input", "purple elbow itch");
        clickAndWait("symptomForm:check");
        assertTrue(text("unknownSymptom").contains("General Physician"), text("advice"));
        assertTrue(exists("recommended-doc6"), "unknown symptoms lead to the general physician");
    }
}
