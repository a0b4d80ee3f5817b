package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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

/**
 * A doctor goes on leave over two booked appointments: the admin sees both before confirming; both are cancelled
 * for the clinic (the paid one refunded); both patients are offered a new time, and one takes it in one click.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DoctorLeaveIT {

    private static final LocalDate FIRST = LocalDate.now(ZoneId.of("Asia/Kolkata")).plusDays(3);
    private static final Pattern TAKE = Pattern.compile("name=\"(list:offers:\\d+:slots:\\d+:take)\" value=\"([^\"]+)\"");

    @Deployment(testable = false)
    static WebArchive leave() {
        return Deployments.app("doctor-leave", true);
    }

    @ArquillianResource
    URL baseUrl;

    private static String book(WebClient patient, LocalDate date) {
        WebClient.FormPage page = patient.open("/patient/book?doctor=doc7&date=" + date);
        Matcher slot = WebClient.FREE_SLOT.matcher(page.body());
        assertTrue(slot.find(), "a free slot on " + date);
        HttpResponse<String> held = patient.post(page, "bookForm", "submit", Map.of("time", slot.group(1), "reason", "Check-up"));
        return held.headers().firstValue("Location").orElseThrow().replaceFirst(".*id=", "");
    }

    @Test
    void twoBookingsInALeaveAreShownCancelledRefundedAndOfferedANewTime() throws InterruptedException {
        WebClient asha = new WebClient(baseUrl);
        asha.registerAndLogin("Asha Leave", null);
        String ashaId = book(asha, FIRST);
        assertEquals(302, asha.payAtClinic(ashaId).statusCode());

        WebClient ravi = new WebClient(baseUrl);
        ravi.registerAndLogin("Ravi Leave", null);
        String raviId = book(ravi, FIRST.plusDays(1));
        assertEquals(302, ravi.payByCard(raviId, "Ravi Leave"));

        WebClient admin = new WebClient(baseUrl);
        admin.registerAndLogin("Leave Admin", Deployments.ADMIN_CODE);
        Map<String, String> leave = Map.of("doctor", "doc7", "from", FIRST.toString(), "to", FIRST.plusDays(2).toString(),
                "reason", "Medical conference");
        WebClient.FormPage schedule = admin.open("/admin/schedule");
        String preview = admin.post(schedule, "leaveForm", "preview", leave).body();
        assertTrue(preview.contains("2 booked appointments fall in this leave"), "the admin sees both before confirming");
        assertTrue(preview.contains("Asha Leave") && preview.contains("Ravi Leave"));
        assertTrue(preview.contains("Confirmed · Pay at clinic") && preview.contains("Confirmed · Paid")
                && !preview.contains("PENDING"), "each one's payment in the pages' words");
        assertTrue(preview.contains(PageDates.day(FIRST) + ", ") && preview.contains(PageDates.day(FIRST.plusDays(1)) + ", "),
                "each appointment's day as the pages write days");
        assertTrue(asha.get("/patient/appointment?id=" + ashaId).body().contains("Confirmed"), "nothing changed yet");

        String confirmed = admin.post(schedule, "leaveForm", "confirm", leave).body();
        assertTrue(confirmed.contains("2 appointments cancelled and offered a new time"), "confirmed");
        assertTrue(confirmed.contains(PageDates.day(FIRST) + " – " + PageDates.day(FIRST.plusDays(2)) + " · Medical conference"),
                "the leave is listed with its days");
        String ashaAppointment = admin.get("/admin/appointment?id=" + ashaId).body();
        assertTrue(ashaAppointment.contains("Cancelled") && ashaAppointment.contains("Doctor on leave: Medical conference"));
        String raviAppointment = admin.get("/admin/appointment?id=" + raviId).body();
        assertTrue(raviAppointment.contains("Refunded"), "the paid one is refunded");
        assertTrue(raviAppointment.contains("Charge for the gateway to give back"), "its card payment owed back at once");
        Instant deadline = Instant.now().plusSeconds(15);
        while (!raviAppointment.contains(" given back as RFD") && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            raviAppointment = admin.get("/admin/appointment?id=" + raviId).body();
        }
        assertTrue(raviAppointment.contains("Charge given back by the gateway") && raviAppointment.contains(" given back as RFD"),
                "through the gateway, just after the admin's request and long before the retry's 5 minutes");
        assertTrue(raviAppointment.contains("Cancelled: doctor on leave") && raviAppointment.contains("Refund issued")
                && raviAppointment.contains("Not sent: no mail server configured"),
                "the messages wait in the outbox, and the admin sees why");
        String during = asha.get("/patient/book?doctor=doc7&date=" + FIRST.plusDays(1)).body();
        assertFalse(WebClient.FREE_SLOT.matcher(during).find(), "no slots during the leave");

        String raviList = ravi.get("/patient/appointments").body();
        assertTrue(raviList.contains("the doctor is on leave") && raviList.contains("payment has been refunded"),
                "Ravi sees the offer and the refund");
        WebClient.FormPage raviOffers = ravi.open("/patient/appointments");
        WebClient.FormPage ashaList = asha.open("/patient/appointments");
        assertTrue(ashaList.body().contains("the doctor is on leave"), "Asha sees the offer");
        assertTrue(ashaList.body().contains(" on " + PageDates.day(FIRST) + " at "), "naming the day she had");
        Matcher take = TAKE.matcher(ashaList.body());
        assertTrue(take.find(), "slots are offered");
        assertTrue(take.group(2).matches(".*[A-Z][a-z]{2} \\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d\\d:\\d\\d [AP]M"), take.group(2));
        HttpResponse<String> taken = asha.post(ashaList, "list", take.group(1).substring("list:".length()), Map.of());
        assertEquals(302, taken.statusCode(), "one click");
        String moved = asha.get(taken.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")).body();
        assertTrue(moved.contains("Confirmed"), "the new appointment is confirmed");
        assertFalse(asha.get("/patient/appointments").body().contains("the doctor is on leave"), "the offer is used");
        HttpResponse<String> again = asha.post(ashaList, "list", take.group(1).substring("list:".length()), Map.of());
        assertEquals(1, asha.get("/patient/appointments").body().split("status-confirmed", -1).length - 1,
                "taking it again books nothing more (" + again.statusCode() + ")");

        theTimeAPatientClicksIsTheTimeTheyGet(ravi, raviOffers, take.group(2));
    }

    /**
     * Ravi's page was shown before Asha took the first time it offered them both: that button now answers that the
     * time was just taken, and the next button still books the time it shows, though the times offered moved on.
     */
    private static void theTimeAPatientClicksIsTheTimeTheyGet(WebClient ravi, WebClient.FormPage shown, String takenByAsha) {
        Matcher buttons = TAKE.matcher(shown.body());
        assertTrue(buttons.find() && buttons.group(2).equals(takenByAsha), "the same first time was offered to both");
        String first = buttons.group(1).substring("list:".length());
        assertTrue(buttons.find(), "a second time is offered");
        String second = buttons.group(1).substring("list:".length());
        Matcher label = Pattern.compile("([A-Z][a-z]{2} \\d{1,2} [A-Z][a-z]{2} \\d{4}), (\\d\\d:\\d\\d [AP]M)$")
                .matcher(buttons.group(2));
        assertTrue(label.find(), buttons.group(2));

        HttpResponse<String> late = ravi.post(shown, "list", first, Map.of());
        assertEquals(302, late.statusCode());
        String after = ravi.get(late.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")).body();
        assertTrue(after.contains("was just taken"), "the time shown was taken: " + after);
        assertTrue(after.contains("the doctor is on leave") && !after.contains("status-confirmed"),
                "nothing booked, the offer still open");

        HttpResponse<String> taken = ravi.post(shown, "list", second, Map.of());
        assertEquals(302, taken.statusCode());
        String moved = ravi.get(taken.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")).body();
        assertTrue(moved.contains(label.group(1)) && moved.contains(label.group(2)),
                "booked at the time on the button, " + buttons.group(2) + ": " + moved);
    }
}
