package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** A hold that runs out unpaid. Holds last 20 s here, so the test waits a third of what the other holds' tests need. */
@RunAsClient
class HoldExpiryBrowserIT extends PatientBrowserTestBase {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app("holdexpiry", false, "appointments.payment-success-rate=1.0",
                "appointments.hold-expiry=PT20S", "appointments.hold-sweep-seconds=1");
    }

    @Test
    void anUnpaidHoldExpiresFreesItsSlotAndCannotBePaid() {
        registerAndLogin("Slow Payer");
        LocalDate day = inDays(11);
        String id = hold("doc1", day, "09:00 AM", "Check-up");
        openBooking("doc1");
        chooseDate(day);
        assertFalse(slotOffered("09:00 AM"), "a live hold keeps the slot");

        open("/patient/pay?id=" + id);
        assertTrue(exists("payForm:pay"));
        waiting(Duration.ofSeconds(60)).until(d -> pageText().contains("hold has expired"));
        assertFalse(id("payForm:pay").isEnabled(), "the countdown disables the pay button when the hold ends");

        payByCardIgnoringCountdown();
        assertTrue(pageText().contains("hold on this slot has expired"), messages());

        waiting(Duration.ofSeconds(20)).pollingEvery(Duration.ofSeconds(1)).until(d -> {
            open("/patient/appointment?id=" + id);
            return text("summaryStatus").equals("Cancelled");
        });
        openBooking("doc1");
        chooseDate(day);
        assertTrue(slotOffered("09:00 AM"), "the expired hold's slot is offered again");
    }

    /** Submits the payment form as a stale page would, even though the countdown disabled the button. */
    private void payByCardIgnoringCountdown() {
        chooseMethod("Credit or debit card");
        type("payForm:cardNumber", "4242424242424242");
        type("payForm:cardExpiry", validExpiry());
        type("payForm:cardCvv", "123");
        type("payForm:cardName", "Slow Payer");
        ((org.openqa.selenium.JavascriptExecutor) browser())
                .executeScript("document.getElementById('payForm:pay').disabled = false;");
        clickAndWait("payForm:pay");
    }
}
