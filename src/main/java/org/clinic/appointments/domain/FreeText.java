package org.clinic.appointments.domain;

import java.util.Optional;

/**
 * The rules every piece of free text a person types follows, wherever it is stored or searched. Lengths are
 * counted in Unicode code points (an emoji or an accented letter typed as one character counts once), never in
 * UTF-16 units. Text over its limit is refused, never cut; text with a broken character (an unpaired surrogate,
 * or U+FFFD where the request's bytes were not UTF-8) or a control character is refused too, so nothing that
 * cannot be written back exactly is stored. The controls of text direction (embeddings, overrides and isolates) count
 * as control characters: they reorder what is shown after them, so a name could pass for another on an admin's page.
 */
public final class FreeText {

    /** Why a text is refused; each field maps it to its own message. */
    public enum Problem {
        TOO_LONG, BROKEN_CHARACTER, CONTROL_CHARACTER
    }

    private static final char REPLACEMENT = '\uFFFD';

    private FreeText() {
    }

    /** The length people and every limit of this product count: code points. */
    public static int length(String text) {
        return text == null ? 0 : text.codePointCount(0, text.length());
    }

    /** The first problem of a one-line text (a name, a search), or empty when it may be used. */
    public static Optional<Problem> lineProblem(String text, int max) {
        return problem(text, max, false, true);
    }

    /** The first problem of a text that may span lines (a reason, a note), or empty when it may be used. */
    public static Optional<Problem> blockProblem(String text, int max) {
        return problem(text, max, true, true);
    }

    /**
     * As {@link #lineProblem}, for a one-line text read back from the data: the controls of text direction pass, as
     * earlier versions stored them, so data written before still loads.
     */
    public static Optional<Problem> storedLineProblem(String text, int max) {
        return problem(text, max, false, false);
    }

    private static Optional<Problem> problem(String text, int max, boolean multiline, boolean typed) {
        if (text == null) {
            return Optional.empty();
        }
        if (hasBrokenCharacter(text)) {
            return Optional.of(Problem.BROKEN_CHARACTER);
        }
        if (text.codePoints().anyMatch(c -> isControl(c, multiline) || typed && isDirectionControl(c))) {
            return Optional.of(Problem.CONTROL_CHARACTER);
        }
        if (length(text) > max) {
            return Optional.of(Problem.TOO_LONG);
        }
        return Optional.empty();
    }

    /** True when the text holds half of a surrogate pair or the replacement character of undecodable bytes. */
    public static boolean hasBrokenCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == REPLACEMENT) {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isControl(int c, boolean multiline) {
        if (multiline && (c == '\n' || c == '\r' || c == '\t')) {
            return false;
        }
        return Character.isISOControl(c);
    }

    /** U+202A to U+202E and U+2066 to U+2069; the marks U+200E, U+200F and U+061C, which reorder nothing, are kept. */
    private static boolean isDirectionControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
