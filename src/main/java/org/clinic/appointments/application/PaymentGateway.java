package org.clinic.appointments.application;

import java.security.SecureRandom;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.clinic.appointments.domain.PaymentMethod;
import org.clinic.appointments.domain.PaymentOutcome;
import org.clinic.appointments.domain.PaymentStatus;
import org.clinic.appointments.infrastructure.config.AppConfig;

/**
 * The mock payment gateway. A charge succeeds with the configured probability. With
 * {@code appointments.payment-test-cards=true} (tests and demos, never production) three well-known test cards
 * always give the same answer: 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined, and 4000 0000 0000 5126
 * succeeds but the gateway does not answer the first time it is asked to give the charge back.
 */
@ApplicationScoped
public class PaymentGateway {

    public static final String ALWAYS_SUCCEEDS = "4242424242424242";
    public static final String ALWAYS_DECLINED = "4000000000000002";
    public static final String REFUND_FAILS_AT_FIRST = "4000000000005126";

    private static final char[] ID_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private static final int REVERSALS_KEPT = 10_000;

    private final RandomGenerator random = new SecureRandom();
    private final Map<String, String> reversals = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REVERSALS_KEPT;
        }
    };

    /** The test card's charges whose first reversal the gateway has not yet failed to answer. */
    private final Set<String> reversalsToFail = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REVERSALS_KEPT;
        }
    });

    @Inject
    AppConfig config;

    /** Charges valid details (see {@link PaymentDetails#problems}); Pay-at-Clinic is left pending. */
    public PaymentOutcome charge(PaymentDetails details) {
        PaymentMethod method = details.getMethod();
        if (method == PaymentMethod.PAY_AT_CLINIC) {
            return new PaymentOutcome(method, PaymentStatus.PENDING, transactionId("CLN"), null, null, null);
        }
        boolean success;
        String card = method == PaymentMethod.CARD ? details.cardDigits() : null;
        boolean testCards = config.paymentTestCards();
        if (testCards && (ALWAYS_SUCCEEDS.equals(card) || REFUND_FAILS_AT_FIRST.equals(card))) {
            success = true;
        } else if (testCards && ALWAYS_DECLINED.equals(card)) {
            success = false;
        } else {
            success = random.nextDouble() < config.paymentSuccessRate();
        }
        String chargeId = transactionId("TXN");
        if (testCards && REFUND_FAILS_AT_FIRST.equals(card)) {
            synchronized (reversals) {
                reversalsToFail.add(chargeId);
            }
        }
        return new PaymentOutcome(method, success ? PaymentStatus.SUCCESS : PaymentStatus.FAILED,
                chargeId, details.provider(),
                method == PaymentMethod.CARD ? details.cardBrand() : null,
                method == PaymentMethod.CARD ? details.cardLast4() : null);
    }

    /**
     * Gives back a successful charge that was not recorded on its appointment; answers the reversal's reference. Giving
     * the same charge back again answers the same reference and takes nothing more, as a real gateway's refund with
     * an idempotency key does. A real gateway may fail to answer: that is a runtime exception, and the charge is owed.
     */
    public String reverse(String chargeId) {
        synchronized (reversals) {
            if (reversalsToFail.remove(chargeId)) {
                throw new IllegalStateException("The gateway did not answer the reversal of a test card's charge");
            }
            return reversals.computeIfAbsent(chargeId, charge -> transactionId("RFD"));
        }
    }

    private String transactionId(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < 12; i++) {
            id.append(ID_CHARS[random.nextInt(ID_CHARS.length)]);
        }
        return id.toString();
    }
}
