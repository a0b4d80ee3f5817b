package org.clinic.appointments.domain;

/**
 * Phone numbers as the clinic compares them: by their digits, and by the last ten when there are more, so that
 * a country code or a trunk zero ("+91 98765 43210", "098765 43210", "9876543210") does not make another number.
 */
public final class PhoneNumber {

    static final int SIGNIFICANT_DIGITS = 10;

    private PhoneNumber() {
    }

    public static String significantDigits(String phone) {
        if (phone == null) {
            return "";
        }
        String digits = phone.replaceAll("[^0-9]", "");
        return digits.length() > SIGNIFICANT_DIGITS ? digits.substring(digits.length() - SIGNIFICANT_DIGITS) : digits;
    }

    public static boolean same(String one, String other) {
        String digits = significantDigits(one);
        return !digits.isEmpty() && digits.equals(significantDigits(other));
    }
}
