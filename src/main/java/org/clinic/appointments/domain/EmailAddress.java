package org.clinic.appointments.domain;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The identity rule for e-mail addresses: two addresses a person reads as the same belong to one account.
 * The key is the address in Unicode NFKC (fullwidth letters and composed accents become their plain forms),
 * case-folded, without Unicode white space at either end. Addresses holding invisible characters (format
 * characters such as zero-width spaces or joiners, fillers) are refused outright, since no person can tell
 * them apart from the address without them.
 */
public final class EmailAddress {

    public static final int MAX_LENGTH = 254;

    private EmailAddress() {
    }

    /** The key an account is found by; null for null. */
    public static String identityKey(String address) {
        if (address == null) {
            return null;
        }
        String composed = Normalizer.normalize(trimWhitespace(address), Normalizer.Form.NFKC);
        String folded = composed.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return trimWhitespace(Normalizer.normalize(folded, Normalizer.Form.NFKC));
    }

    /** True when the address holds a character that shows as nothing. */
    public static boolean hasInvisibleCharacter(String address) {
        return address != null && address.codePoints().anyMatch(EmailAddress::isInvisible);
    }

    private static boolean isInvisible(int c) {
        return Character.getType(c) == Character.FORMAT
                || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x034F
                || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
    }

    /** The text without white space of any kind (no-break and ideographic spaces too) at either end. */
    static String trimWhitespace(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isWhitespace(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && isWhitespace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    private static boolean isWhitespace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
