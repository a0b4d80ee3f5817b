package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** With a gateway that declines everything (success rate 0), each method fails cleanly; the test card still pays. */
@RunAsClient
class PaymentDeclinedBrowserIT extends PatientBrowserTestBase {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app("declined", false, "appointments.payment-success-rate=0.0");
    }

    @Test
    void everyMethodCanBeDeclinedAndEachDeclineFreesItsSlot() {
        registerAndLogin("Unlucky Patient");
        LocalDate day = inDays(6);

        hold("doc1", day, "09:00 AM", "Palpitations");
        chooseMethod("UPI");
        selectMenu("payForm:upiApp", "PhonePe");
        type("payForm:vpa", "unlucky@ybl");
        clickAndWait("payForm:pay");
        assertTrue(exists("paymentFailed"), messages());

        hold("doc1", day, "09:00 AM", "Palpitations, second try");
        chooseMethod("Net banking");
        selectMenu("payForm:bank", "State Bank of India");
        clickAndWait("payForm:pay");
        assertTrue(exists("paymentFailed"), messages());

        hold("doc1", day, "09:00 AM", "Palpitations, third try");
        chooseMethod("Wallet");
        selectMenu("payForm:wallet", "Paytm");
        clickAndWait("payForm:pay");
        assertTrue(exists("paymentFailed"), messages());

        hold("doc1", day, "09:00 AM", "Palpitations, fourth try");
        payByCard("5555 5555 5555 4444", validExpiry(), "123", "Unlucky Patient");
        assertTrue(exists("paymentFailed"), messages());

        hold("doc1", day, "09:00 AM", "Palpitations, test card");
        payByCard("4242 4242 4242 4242", validExpiry(), "123", "Unlucky Patient");
        assertTrue(exists("paymentSuccess"), "the always-succeeding test card ignores the success rate: " + messages());
        assertEquals("Confirmed", text("summaryStatus"));
    }
}
