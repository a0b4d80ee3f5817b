package org.clinic.appointments.application;

import java.io.Serializable;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.clinic.appointments.domain.FreeText;
import org.clinic.appointments.domain.PaymentMethod;

/**
 * What a patient enters on the payment page. {@link #problems} says, field by field, what is wrong with it;
 * the card number and CVV never leave this object (only the brand and the last four digits are kept).
 */
public class PaymentDetails implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final List<String> UPI_APPS = List.of("PhonePe", "GPay", "Paytm");
    public static final List<String> BANKS = List.of("State Bank of India", "HDFC Bank", "ICICI Bank", "Axis Bank",
            "Kotak Mahindra Bank", "Punjab National Bank", "Bank of Baroda");
    public static final List<String> WALLETS = List.of("Paytm", "PhonePe Wallet");

    private static final Pattern VPA = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,63}@[A-Za-z][A-Za-z0-9]{1,63}");
    private static final Pattern EXPIRY = Pattern.compile("(0[1-9]|1[0-2])\\s*/\\s*(\\d{2})");
    private static final int NAME_MAX = 100;

    private PaymentMethod method;
    private String upiApp;
    private String vpa;
    private String cardNumber;
    private String cardExpiry;
    private String cardCvv;
    private String cardName;
    private String bank;
    private String wallet;

    /** Each field that is wrong, with the message key that says why; empty when the details can be charged. */
    public Map<String, String> problems(YearMonth currentMonth) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (method == null) {
            problems.put("method", "payment.method.required");
            return problems;
        }
        switch (method) {
            case UPI -> {
                if (!offered(UPI_APPS, upiApp)) {
                    problems.put("upiApp", "payment.upi.app.required");
                }
                if (vpa == null || !VPA.matcher(vpa.strip()).matches()) {
                    problems.put("vpa", "payment.upi.vpa.invalid");
                }
            }
            case CARD -> cardProblems(currentMonth, problems);
            case NETBANKING -> {
                if (!offered(BANKS, bank)) {
                    problems.put("bank", "payment.bank.required");
                }
            }
            case WALLET -> {
                if (!offered(WALLETS, wallet)) {
                    problems.put("wallet", "payment.wallet.required");
                }
            }
            case PAY_AT_CLINIC -> {
                // nothing to enter
            }
        }
        return problems;
    }

    private static boolean offered(List<String> choices, String choice) {
        return choice != null && choices.contains(choice);
    }

    private void cardProblems(YearMonth currentMonth, Map<String, String> problems) {
        String digits = cardDigits();
        if (digits == null || digits.length() < 12 || digits.length() > 19) {
            problems.put("cardNumber", "payment.card.number.invalid");
        } else if (!luhn(digits)) {
            problems.put("cardNumber", "payment.card.number.luhn");
        }
        var expiry = cardExpiry == null ? null : EXPIRY.matcher(cardExpiry.strip());
        if (expiry == null || !expiry.matches()) {
            problems.put("cardExpiry", "payment.card.expiry.invalid");
        } else {
            YearMonth until = YearMonth.of(2000 + Integer.parseInt(expiry.group(2)), Integer.parseInt(expiry.group(1)));
            if (until.isBefore(currentMonth)) {
                problems.put("cardExpiry", "payment.card.expiry.past");
            }
        }
        int cvvLength = "Amex".equals(cardBrand()) ? 4 : 3;
        if (cardCvv == null || !cardCvv.strip().matches("\\d{" + cvvLength + "}")) {
            problems.put("cardCvv", "payment.card.cvv.invalid");
        }
        if (cardName == null || cardName.isBlank() || FreeText.lineProblem(cardName.strip(), NAME_MAX).isPresent()) {
            problems.put("cardName", "payment.card.name.required");
        }
    }

    /** The card number's digits without spaces or dashes; null if anything else is in it. */
    public String cardDigits() {
        if (cardNumber == null) {
            return null;
        }
        String digits = cardNumber.replaceAll("[\\s-]", "");
        return digits.matches("\\d+") ? digits : null;
    }

    public String cardLast4() {
        String digits = cardDigits();
        return digits == null || digits.length() < 4 ? null : digits.substring(digits.length() - 4);
    }

    public String cardBrand() {
        String d = cardDigits();
        if (d == null || d.length() < 2) {
            return null;
        }
        int two = Integer.parseInt(d.substring(0, 2));
        int four = d.length() >= 4 ? Integer.parseInt(d.substring(0, 4)) : 0;
        if (d.startsWith("4")) {
            return "Visa";
        }
        if (two >= 51 && two <= 55 || four >= 2221 && four <= 2720) {
            return "Mastercard";
        }
        if (two == 34 || two == 37) {
            return "Amex";
        }
        if (two == 60 || two == 65 || two == 81 || two == 82 || d.startsWith("508")) {
            return "RuPay";
        }
        return "Card";
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int n = digits.charAt(i) - '0';
            if (twice) {
                n *= 2;
                if (n > 9) {
                    n -= 9;
                }
            }
            sum += n;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /** The provider shown on the receipt: the UPI app, bank or wallet. */
    public String provider() {
        if (method == null) {
            return null;
        }
        return switch (method) {
            case UPI -> upiApp;
            case NETBANKING -> bank;
            case WALLET -> wallet;
            case CARD -> cardBrand();
            case PAY_AT_CLINIC -> null;
        };
    }

    /** Forgets the card number and CVV, e.g. after a charge or before the page is shown again. */
    public void forgetSecrets() {
        cardNumber = null;
        cardCvv = null;
    }

    public PaymentMethod getMethod() {
        return method;
    }

    public void setMethod(PaymentMethod method) {
        this.method = method;
    }

    public String getUpiApp() {
        return upiApp;
    }

    public void setUpiApp(String upiApp) {
        this.upiApp = upiApp;
    }

    public String getVpa() {
        return vpa;
    }

    public void setVpa(String vpa) {
        this.vpa = vpa;
    }

    public String getCardNumber() {
        return cardNumber;
    }

    public void setCardNumber(String cardNumber) {
        this.cardNumber = cardNumber;
    }

    public String getCardExpiry() {
        return cardExpiry;
    }

    public void setCardExpiry(String cardExpiry) {
        this.cardExpiry = cardExpiry;
    }

    public String getCardCvv() {
        return cardCvv;
    }

    public void setCardCvv(String cardCvv) {
        this.cardCvv = cardCvv;
    }

    public String getCardName() {
        return cardName;
    }

    public void setCardName(String cardName) {
        this.cardName = cardName;
    }

    public String getBank() {
        return bank;
    }

    public void setBank(String bank) {
        this.bank = bank;
    }

    public String getWallet() {
        return wallet;
    }

    public void setWallet(String wallet) {
        this.wallet = wallet;
    }
}
