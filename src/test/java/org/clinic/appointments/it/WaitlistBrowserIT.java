package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The waitlist as patients see it, with one slot a day: a full day offers to join; the offer appears on My
 * appointments and is taken through the normal payment; an offer left to run out passes to the next patient.
 */
@RunAsClient
class WaitlistBrowserIT extends PatientBrowserTestBase {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app("waitlist-browser", false, "appointments.slot-times=10:00 AM",
                "appointments.waitlist-offer=PT10S", "appointments.hold-sweep-seconds=1");
    }

    /** Another patient, outside the browser, who holds the day's one slot; answers the appointment's id. */
    private String someoneHolds(WebClient other, String doctor, LocalDate day) {
        other.registerAndLogin("Other Patient", null);
        return other.holdOn(doctor, day, "Check-up");
    }

    private void letGo(WebClient other, String appointmentId) {
        assertEquals(302, other.submit("/patient/appointment?id=" + appointmentId, "actions", "cancel", Map.of())
                .statusCode());
    }

    private void joinFromTheFullDay(String doctor, LocalDate day) {
        openBooking(doctor);
        chooseDate(day);
        assertTrue(exists("noSlots"), "the day is full");
        assertFalse(exists("bookForm:submit") || exists("bookForm:reason"), "no slot to hold, so no way to hold one");
        assertEquals(day.toString(), id("waitForm:waitFrom").getAttribute("value"), "the chosen day, from");
        assertEquals(day.toString(), id("waitForm:waitTo").getAttribute("value"), "and to");
        clickAndWait("waitForm:join");
        assertEquals("/patient/appointments", path(), messages());
        assertTrue(messages().contains("You are on the waitlist"), messages());
        List<WebElement> places = browser().findElements(By.cssSelector("#waitlist li.waitlist-place"));
        assertEquals(1, places.size());
        assertTrue(places.get(0).getText().startsWith("Dr. ") && places.get(0).getText().contains(": " + PageDates.day(day))
                && !places.get(0).getText().contains(" to "), "one day, named once: " + places.get(0).getText());
    }

    /** Reloads My appointments until an offer shows, for at most {@code wait}. */
    private boolean offerShows(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        do {
            open("/patient/appointments");
            if (!browser().findElements(By.cssSelector(".waitlist-offer")).isEmpty()) {
                return true;
            }
            Thread.sleep(1000);
        } while (System.nanoTime() < deadline);
        return false;
    }

    @Test
    void joinThenTakeTheOfferedSlotByPaying() throws Exception {
        LocalDate day = inDays(3);
        WebClient other = new WebClient(baseUrl);
        String held = someoneHolds(other, "doc5", day);
        registerAndLogin("Ravi Browser");
        joinFromTheFullDay("doc5", day);

        letGo(other, held);
        assertTrue(offerShows(Duration.ofSeconds(5)), "the offer shows on My appointments");
        assertTrue(browser().findElement(By.cssSelector(".waitlist-offer-title")).getText()
                .contains("A slot came free for you"));
        String offer = browser().findElement(By.cssSelector(".waitlist-offer-text")).getText();
        assertTrue(offer.contains(" on " + PageDates.day(day) + " at 10:00 AM: held for you until "), offer);
        clickAndWait("list:waitOffers:0:takeOffer");
        assertEquals("/patient/pay", path());
        chooseMethod("Pay at the clinic");
        clickAndWait("payForm:pay");
        assertTrue(exists("paymentPending"), messages());
        assertEquals("Confirmed", text("summaryStatus"));

        open("/patient/appointments");
        assertTrue(browser().findElements(By.cssSelector(".waitlist-offer")).isEmpty(), "the offer is taken");
        assertFalse(exists("waitlist"), "the place is spent");
    }

    @Test
    void anOfferLeftToRunOutPassesToTheNextPatient() throws Exception {
        LocalDate day = inDays(4);
        WebClient other = new WebClient(baseUrl);
        String held = someoneHolds(other, "doc6", day);
        WebClient first = new WebClient(baseUrl);
        first.registerAndLogin("First In Line", null);
        assertEquals(302, first.submit("/patient/book?doctor=doc6&date=" + day, "waitForm", "join",
                Map.of("waitFrom", day.toString(), "waitTo", day.toString())).statusCode());
        registerAndLogin("Meera Browser");
        joinFromTheFullDay("doc6", day);

        letGo(other, held);
        assertTrue(first.get("/patient/appointments").body().contains("A slot came free for you"),
                "the first in line has the offer");
        open("/patient/appointments");
        assertTrue(browser().findElements(By.cssSelector(".waitlist-offer")).isEmpty(), "Meera waits her turn");

        assertTrue(offerShows(Duration.ofSeconds(40)), "once the first offer runs out, Meera has it");
        assertFalse(first.get("/patient/appointments").body().contains("A slot came free for you"));
    }
}
