package org.clinic.appointments.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.Map;

import org.clinic.appointments.domain.PaymentMethod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every payment input a patient can get wrong has its own message; valid details have none. */
class PaymentDetailsTest {

    private static final YearMonth NOW = YearMonth.of(2026, 11);

    private static PaymentDetails card(String number, String expiry, String cvv, String name) {
        PaymentDetails d = new PaymentDetails();
        d.setMethod(PaymentMethod.CARD);
        d.setCardNumber(number);
        d.setCardExpiry(expiry);
        d.setCardCvv(cvv);
        d.setCardName(name);
        return d;
    }

    @Test
    void validDetailsOfEachMethodHaveNoProblems() {
        assertTrue(card("4242 4242 4242 4242", "11/26", "123", "Asha Rao").problems(NOW).isEmpty());
        assertTrue(card("3782-822463-10005", "01/30", "1234", "Asha Rao").problems(NOW).isEmpty(), "Amex has a 4-digit CVV");
        PaymentDetails upi = new PaymentDetails();
        upi.setMethod(PaymentMethod.UPI);
        upi.setUpiApp("GPay");
        upi.setVpa("asha.rao@okaxis");
        assertTrue(upi.problems(NOW).isEmpty());
        PaymentDetails bank = new PaymentDetails();
        bank.setMethod(PaymentMethod.NETBANKING);
        bank.setBank("HDFC Bank");
        assertTrue(bank.problems(NOW).isEmpty());
        PaymentDetails wallet = new PaymentDetails();
        wallet.setMethod(PaymentMethod.WALLET);
        wallet.setWallet("PhonePe Wallet");
        assertTrue(wallet.problems(NOW).isEmpty());
        PaymentDetails clinic = new PaymentDetails();
        clinic.setMethod(PaymentMethod.PAY_AT_CLINIC);
        assertTrue(clinic.problems(NOW).isEmpty());
    }

    @ParameterizedTest(name = "{0} / {1} / {2} / {3} -> {4}: {5}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "4242 4242 4242 4241 | 11/26 | 123  | Asha      | cardNumber | payment.card.number.luhn",
        "4242 4242          | 11/26 | 123  | Asha      | cardNumber | payment.card.number.invalid",
        "4242x4242x4242x4242 | 11/26 | 123  | Asha      | cardNumber | payment.card.number.invalid",
        "NULL                | 11/26 | 123  | Asha      | cardNumber | payment.card.number.invalid",
        "42424242424242424242 | 11/26 | 123 | Asha      | cardNumber | payment.card.number.invalid",
        "4242 4242 4242 4242 | 10/26 | 123  | Asha      | cardExpiry | payment.card.expiry.past",
        "4242 4242 4242 4242 | 13/27 | 123  | Asha      | cardExpiry | payment.card.expiry.invalid",
        "4242 4242 4242 4242 | 1126  | 123  | Asha      | cardExpiry | payment.card.expiry.invalid",
        "4242 4242 4242 4242 | NULL  | 123  | Asha      | cardExpiry | payment.card.expiry.invalid",
        "4242 4242 4242 4242 | 11/26 | 12   | Asha      | cardCvv    | payment.card.cvv.invalid",
        "4242 4242 4242 4242 | 11/26 | 1234 | Asha      | cardCvv    | payment.card.cvv.invalid",
        "4242 4242 4242 4242 | 11/26 | abc  | Asha      | cardCvv    | payment.card.cvv.invalid",
        "4242 4242 4242 4242 | 11/26 | 123  | NULL      | cardName   | payment.card.name.required",
        "4242 4242 4242 4242 | 11/26 | 123  | '   '     | cardName   | payment.card.name.required",
    })
    void eachWrongCardFieldIsNamed(String number, String expiry, String cvv, String name, String field, String key) {
        Map<String, String> problems = card(number, expiry, cvv, name).problems(NOW);
        assertEquals(Map.of(field, key), problems);
    }

    @ParameterizedTest(name = "UPI {0} {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "GPay    | asha        | vpa    | payment.upi.vpa.invalid",
        "GPay    | asha@       | vpa    | payment.upi.vpa.invalid",
        "GPay    | @okaxis     | vpa    | payment.upi.vpa.invalid",
        "GPay    | a b@okaxis  | vpa    | payment.upi.vpa.invalid",
        "GPay    | <script>@x  | vpa    | payment.upi.vpa.invalid",
        "GPay    | NULL        | vpa    | payment.upi.vpa.invalid",
        "NULL    | asha@okaxis | upiApp | payment.upi.app.required",
        "BHIM    | asha@okaxis | upiApp | payment.upi.app.required",
    })
    void eachWrongUpiFieldIsNamed(String app, String vpa, String field, String key) {
        PaymentDetails upi = new PaymentDetails();
        upi.setMethod(PaymentMethod.UPI);
        upi.setUpiApp(app);
        upi.setVpa(vpa);
        assertEquals(Map.of(field, key), upi.problems(NOW));
    }

    @Test
    void banksWalletsAndTheMethodMustBeChosenFromTheList() {
        PaymentDetails bank = new PaymentDetails();
        bank.setMethod(PaymentMethod.NETBANKING);
        bank.setBank("../../etc/passwd");
        assertEquals(Map.of("bank", "payment.bank.required"), bank.problems(NOW));
        PaymentDetails wallet = new PaymentDetails();
        wallet.setMethod(PaymentMethod.WALLET);
        assertEquals(Map.of("wallet", "payment.wallet.required"), wallet.problems(NOW));
        assertEquals(Map.of("method", "payment.method.required"), new PaymentDetails().problems(NOW));
    }

    @Test
    void onlyTheBrandAndLastFourDigitsAreKept() {
        PaymentDetails d = card("5555 5555 5555 4444", "11/26", "123", "Asha");
        assertEquals("Mastercard", d.cardBrand());
        assertEquals("4444", d.cardLast4());
        d.forgetSecrets();
        assertEquals(null, d.getCardNumber());
        assertEquals(null, d.getCardCvv());
    }
}
