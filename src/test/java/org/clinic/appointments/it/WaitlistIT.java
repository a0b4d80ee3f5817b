package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The waitlist through the pages, with one slot a day: a full day offers the waitlist; a slot let go is held for
 * the first in line, who is told by mail and on My appointments and takes it by paying; declining or letting the
 * offer run out passes it to the next; admins see the line on the timetable; the dates are checked.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WaitlistIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Kolkata"));
    private static final Pattern OFFER = Pattern.compile("/patient/pay\\?id=([0-9a-f-]{36})");
    @RegisterExtension
    static final TestSmtp smtp = TestSmtp.forTests(0);

    @Deployment(testable = false)
    static WebArchive waitlist() {
        return Deployments.app("waitlist", true, "appointments.slot-times=10:00 AM",
                "appointments.waitlist-offer=PT8S", "appointments.hold-sweep-seconds=1",
                "appointments.mail-session=java:jboss/mail/Appointments", "appointments.mail-send-seconds=1");
    }

    @ArquillianResource
    URL baseUrl;

    private String book(String doctor, LocalDate day) {
        return "/patient/book?doctor=" + doctor + "&date=" + day;
    }

    private HttpResponse<String> join(WebClient patient, String doctor, LocalDate from, LocalDate to) {
        return patient.submit(book(doctor, from), "waitForm", "join", Map.of("waitFrom", from.toString(),
                "waitTo", to.toString()));
    }

    private static String offerId(WebClient patient) {
        Matcher offer = OFFER.matcher(patient.get("/patient/appointments").body());
        return offer.find() ? offer.group(1) : null;
    }

    private String awaitOffer(WebClient patient, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        String id;
        while ((id = offerId(patient)) == null && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        return id;
    }

    private void letGo(WebClient patient, String appointmentId) {
        assertEquals(302, patient.submit("/patient/appointment?id=" + appointmentId, "actions", "cancel", Map.of())
                .statusCode());
    }

    @Test
    void aSlotLetGoIsOfferedToTheFirstInLineWhoTakesItByPaying() throws Exception {
        LocalDate day = TODAY.plusDays(3);
        WebClient asha = new WebClient(baseUrl);
        asha.registerAndLogin("Asha Wait", null);
        String held = asha.holdOn("doc5", day, "Check-up");
        WebClient ravi = new WebClient(baseUrl);
        String raviEmail = ravi.registerAndLogin("Ravi Wait", null);
        WebClient meera = new WebClient(baseUrl);
        meera.registerAndLogin("Meera Wait", null);

        assertTrue(ravi.get(book("doc5", day)).body().contains("Join the waitlist"), "a full day offers the waitlist");
        assertEquals(302, join(ravi, "doc5", day, day.plusDays(2)).statusCode());
        assertEquals(302, join(meera, "doc5", day, day).statusCode());
        assertTrue(ravi.get("/patient/appointments").body().contains("Your waitlists"));

        WebClient admin = new WebClient(baseUrl);
        admin.registerAndLogin("Wait Admin", Deployments.ADMIN_CODE);
        String timetable = admin.get("/admin/timetable?doctor=doc5&date=" + day).body();
        int raviAt = timetable.indexOf("Ravi Wait: since");
        int meeraAt = timetable.indexOf("Meera Wait: since");
        assertTrue(raviAt > 0 && meeraAt > raviAt, "admins see the line in arrival order");

        letGo(asha, held);
        String offer = awaitOffer(ravi, Duration.ofSeconds(5));
        assertTrue(offer != null, "the first in line has the offer on My appointments");
        assertTrue(ravi.get("/patient/appointments").body().contains("A slot came free for you"));
        assertEquals(null, offerId(meera), "never offered to two at once");
        List<MimeMessage> mail = smtp.mailTo(raviEmail, 1, Duration.ofSeconds(20));
        assertEquals(1, mail.size());
        assertTrue(mail.get(0).getSubject().startsWith("A slot came free"), mail.get(0).getSubject());

        assertEquals(302, ravi.payByCard(offer, "Ravi Wait"), "accepting is the normal payment");
        String confirmed = ravi.get("/patient/appointment?id=" + offer).body();
        assertTrue(confirmed.contains("status-confirmed"), "the offer became Ravi's appointment");
        assertFalse(ravi.get("/patient/appointments").body().contains("Your waitlists"), "Ravi's place is spent");
        assertFalse(admin.get("/admin/timetable?doctor=doc5&date=" + day).body().contains("Ravi Wait: since"));
    }

    @Test
    void anOfferDeclinedOrRunOutPassesToTheNextInLine() throws Exception {
        LocalDate day = TODAY.plusDays(4);
        WebClient asha = new WebClient(baseUrl);
        asha.registerAndLogin("Asha Pass", null);
        String held = asha.holdOn("doc6", day, "Check-up");
        WebClient ravi = new WebClient(baseUrl);
        ravi.registerAndLogin("Ravi Pass", null);
        WebClient meera = new WebClient(baseUrl);
        meera.registerAndLogin("Meera Pass", null);
        WebClient kiran = new WebClient(baseUrl);
        kiran.registerAndLogin("Kiran Pass", null);
        for (WebClient patient : List.of(ravi, meera, kiran)) {
            assertEquals(302, join(patient, "doc6", day, day).statusCode());
        }

        letGo(asha, held);
        String toRavi = awaitOffer(ravi, Duration.ofSeconds(5));
        assertTrue(toRavi != null);
        HttpResponse<String> declined = ravi.submit("/patient/appointments", "list", "waitOffers:0:declineOffer", Map.of());
        assertEquals(302, declined.statusCode(), declined.body());
        assertTrue(awaitOffer(meera, Duration.ofSeconds(5)) != null, "declined: the next in line");
        assertEquals(null, offerId(ravi));

        assertTrue(awaitOffer(kiran, Duration.ofSeconds(30)) != null, "run out: the next in line");
        assertEquals(null, offerId(meera), "Meera's offer ran out");
    }

    /** This clinic's one daily slot (10 AM) is what the working-plan form starts from for a doctor without a plan. */
    @Test
    void theWorkingPlanFormStartsFromTheClinicsOwnSlots() {
        WebClient admin = new WebClient(baseUrl);
        admin.registerAndLogin("Plan Admin", Deployments.ADMIN_CODE);
        String page = admin.get("/admin/schedule").body();
        assertEquals("10:00", planField(page, 0, "start"), "Monday starts with the clinic's slot");
        assertEquals("11:00", planField(page, 0, "end"), "and ends an hour later");
        assertEquals("", planField(page, 0, "breakStart"), "with no break");
        assertTrue(page.contains("they work the clinic's usual week, shown below"), "the form is the usual week");
    }

    private static String planField(String page, int day, String field) {
        Matcher input = Pattern.compile("<input[^>]*id=\"planForm:week:" + day + ":" + field + "\"[^>]*>").matcher(page);
        assertTrue(input.find(), "the plan's " + field);
        Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(input.group());
        return value.find() ? value.group(1) : "";
    }

    @Test
    void theDaysAreCheckedAndOnePlacePerDoctorAndDays() {
        LocalDate day = TODAY.plusDays(5);
        WebClient asha = new WebClient(baseUrl);
        asha.registerAndLogin("Asha Dates", null);
        asha.holdOn("doc7", day, "Check-up");
        WebClient ravi = new WebClient(baseUrl);
        ravi.registerAndLogin("Ravi Dates", null);
        for (List<String> range : List.of(List.of(day.toString(), day.minusDays(1).toString()),
                List.of(TODAY.minusDays(1).toString(), day.toString()),
                List.of(day.toString(), TODAY.plusDays(60).toString()), List.of("not-a-date", day.toString()),
                List.of("<script>alert(1)</script>", "2026-02-30"))) {
            HttpResponse<String> refused = ravi.submit(book("doc7", day), "waitForm", "join",
                    Map.of("waitFrom", range.get(0), "waitTo", range.get(1)));
            assertEquals(200, refused.statusCode(), range.toString());
            assertTrue(refused.body().contains("Choose"), range + ": " + refused.body());
            assertFalse(refused.body().contains("<script>alert(1)"), "never echoed as markup");
        }
        assertEquals(302, join(ravi, "doc7", day, day).statusCode());
        HttpResponse<String> again = join(ravi, "doc7", day, day);
        assertTrue(again.body().contains("on this doctor's waitlist for some of these days already"), again.body());
    }

    @Test
    void aDayTheDoctorDoesNotSeePatientsSaysSoAndHasNoWaitlist() {
        LocalDate full = TODAY.plusDays(8);
        LocalDate closed = TODAY.plusDays(9);
        WebClient admin = new WebClient(baseUrl);
        admin.registerAndLogin("Holiday Admin", Deployments.ADMIN_CODE);
        assertTrue(admin.submit("/admin/schedule", "holidayForm", "add", Map.of("date", closed.toString(), "name", "Clinic Day"))
                .body().contains("nobody has slots that day"));
        WebClient asha = new WebClient(baseUrl);
        asha.registerAndLogin("Asha Closed", null);
        asha.holdOn("doc8", full, "Check-up");
        WebClient ravi = new WebClient(baseUrl);
        ravi.registerAndLogin("Ravi Closed", null);

        String closedDay = ravi.get(book("doc8", closed)).body();
        assertTrue(closedDay.contains("The clinic is closed on this day (Clinic Day)."), closedDay);
        assertFalse(closedDay.contains("waitForm") || closedDay.contains("No free slot on this day"),
                "no waitlist for a day on which no slot can come free");
        String fullDay = ravi.get(book("doc8", full)).body();
        assertTrue(fullDay.contains("No free slot on this day") && fullDay.contains("waitForm"), "a full day has its waitlist");

        HttpResponse<String> onlyClosed = ravi.submit(book("doc8", full), "waitForm", "join",
                Map.of("waitFrom", closed.toString(), "waitTo", closed.toString()));
        assertEquals(200, onlyClosed.statusCode());
        assertTrue(onlyClosed.body().contains("does not see patients on any of these days"), onlyClosed.body());
        assertEquals(302, join(ravi, "doc8", full, closed).statusCode(), "a range with a worked day is a place");
    }
}
