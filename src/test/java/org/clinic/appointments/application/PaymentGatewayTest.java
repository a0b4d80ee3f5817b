package org.clinic.appointments.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.clinic.appointments.domain.PaymentOutcome;
import org.clinic.appointments.domain.PaymentStatus;
import org.clinic.appointments.infrastructure.config.AppConfig;
import org.junit.jupiter.api.Test;

/** The test cards answer as documented only where test cards are switched on; in production they are cards. */
class PaymentGatewayTest {

    private static PaymentGateway gateway(boolean testCards, double successRate) {
        PaymentGateway gateway = new PaymentGateway();
        gateway.config = new AppConfig() {
            @Override
            public boolean paymentTestCards() {
                return testCards;
            }

            @Override
            public double paymentSuccessRate() {
                return successRate;
            }
        };
        return gateway;
    }

    @Test
    void theAlwaysSucceedingCardIsAnOrdinaryCardByDefault() {
        assertEquals(PaymentStatus.FAILED, gateway(false, 0.0).charge(PaymentCards.card("4242 4242 4242 4242")).status(),
                "with every charge failing, the test card fails too");
        assertEquals(PaymentStatus.SUCCESS, gateway(false, 1.0).charge(PaymentCards.card("4000 0000 0000 0002")).status());
    }

    @Test
    void withTestCardsOnTheyGiveTheirAnswer() {
        assertEquals(PaymentStatus.SUCCESS, gateway(true, 0.0).charge(PaymentCards.card("4242 4242 4242 4242")).status());
        assertEquals(PaymentStatus.FAILED, gateway(true, 1.0).charge(PaymentCards.card("4000 0000 0000 0002")).status());
    }

    @Test
    void theSlowRefundCardsChargeIsGivenBackOnlyWhenAskedASecondTime() {
        PaymentGateway gateway = gateway(true, 0.0);
        PaymentOutcome charge = gateway.charge(PaymentCards.card("4000 0000 0000 5126"));
        assertEquals(PaymentStatus.SUCCESS, charge.status());
        assertThrows(IllegalStateException.class, () -> gateway.reverse(charge.transactionId()), "no answer at first");
        String reversal = gateway.reverse(charge.transactionId());
        assertTrue(reversal.startsWith("RFD"), reversal);
        assertEquals(reversal, gateway.reverse(charge.transactionId()), "given back once");

        PaymentGateway production = gateway(false, 1.0);
        String ordinary = production.charge(PaymentCards.card("4000 0000 0000 5126")).transactionId();
        assertTrue(production.reverse(ordinary).startsWith("RFD"), "an ordinary card where test cards are off");
    }
}
