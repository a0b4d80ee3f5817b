package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

/**
 * With a gateway that declines everything (success rate 0), each method fails cleanly; the test cards still pay, and
 * the slow-refund card's refund is owed when the gateway does not answer. The owed charges' first retry runs 5 s
 * after the deployment, so the refund is taken after the first test.
 */
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PaymentDeclinedBrowserIT extends PatientBrowserTestBase {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app("declined", false, "appointments.payment-success-rate=0.0");
    }

    @Test
    @Order(1)
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

    @Test
    @Order(2)
    void aRefundTheGatewayDoesNotAnswerAtOnceIsShownAsOwedToThePatient() {
        registerAndLogin("Slow Refund");
        String id = hold("doc2", inDays(7), "10:00 AM", "Back pain");
        payByCard("4000 0000 0000 5126", validExpiry(), "123", "Slow Refund");
        assertTrue(exists("paymentSuccess"), messages());
        String charge = text("summaryTransaction");

        open("/patient/appointment?id=" + id);
        id("actions:cancel").click();
        id("confirmYes").click();
        waitFor(() -> exists("summaryPayment") && text("summaryPayment").equals("Refunded"), "the cancellation stands");
        String owed = browser().findElement(By.cssSelector(".charge-owed")).getText();
        assertTrue(owed.contains("Your payment (" + charge + ") is being refunded")
                && owed.contains("sent again automatically"), owed);
        assertFalse(exists("actions:cancel"));
    }
}
