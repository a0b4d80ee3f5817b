package org.clinic.appointments.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class FreeTextTest {

    private static final String EMOJI = "\uD83D\uDE00";

    @Test
    void lengthCountsWhatAPersonTypesAsOneCharacterOnce() {
        assertEquals(300, FreeText.length(EMOJI.repeat(300)));
        assertEquals(5, FreeText.length("na\u00efve"));
        assertEquals(0, FreeText.length(null));
    }

    @Test
    void threeHundredEmojiAreWithinAFiveHundredCharacterLimitAndFiveHundredAndOneAreNot() {
        assertEquals(Optional.empty(), FreeText.blockProblem(EMOJI.repeat(300), 500));
        assertEquals(Optional.empty(), FreeText.blockProblem(EMOJI.repeat(500), 500));
        assertEquals(Optional.of(FreeText.Problem.TOO_LONG), FreeText.blockProblem(EMOJI.repeat(501), 500));
        assertEquals(Optional.of(FreeText.Problem.TOO_LONG), FreeText.lineProblem("\u0928".repeat(101), 100));
    }

    @Test
    void halfASurrogatePairOrTheMarkOfUndecodableBytesIsABrokenCharacter() {
        assertEquals(Optional.of(FreeText.Problem.BROKEN_CHARACTER), FreeText.blockProblem("pain \uD83D", 500));
        assertEquals(Optional.of(FreeText.Problem.BROKEN_CHARACTER), FreeText.blockProblem("\uDE00 pain", 500));
        assertEquals(Optional.of(FreeText.Problem.BROKEN_CHARACTER), FreeText.lineProblem("Asha \uFFFD", 100));
        assertEquals(Optional.of(FreeText.Problem.BROKEN_CHARACTER), FreeText.lineProblem("\uDE00\uD83D", 100));
        assertFalse(FreeText.hasBrokenCharacter(EMOJI + "\uD83D\uDC69\u200D\u2695\uFE0F"));
    }

    @Test
    void lineBreaksBelongInABlockOfTextButNotInALine() {
        assertEquals(Optional.empty(), FreeText.blockProblem("Fever\nsince Monday\r\n\tand cough", 500));
        assertEquals(Optional.of(FreeText.Problem.CONTROL_CHARACTER), FreeText.lineProblem("Asha\nRao", 100));
        assertEquals(Optional.of(FreeText.Problem.CONTROL_CHARACTER), FreeText.blockProblem("nul\u0000", 500));
        assertEquals(Optional.of(FreeText.Problem.CONTROL_CHARACTER), FreeText.blockProblem("esc\u001B[31m", 500));
        assertTrue(FreeText.lineProblem(null, 1).isEmpty());
    }

    @Test
    void controlsOfTextDirectionAreRefusedAsControlCharactersButDirectionMarksAreKept() {
        for (String reordering : new String[] {"\u202Egnp.exe", "Asha \u202BRao", "x\u202Ay", "x\u202Cy", "x\u202Dy",
            "x\u2066y", "x\u2067y", "x\u2068y", "x\u2069y"}) {
            assertEquals(Optional.of(FreeText.Problem.CONTROL_CHARACTER), FreeText.lineProblem(reordering, 100), reordering);
            assertEquals(Optional.of(FreeText.Problem.CONTROL_CHARACTER), FreeText.blockProblem(reordering, 100), reordering);
        }
        for (String marked : new String[] {"\u05E9\u05E8\u05D4 \u200F(2)", "Asha\u200E Rao", "\u0633\u0627\u0631\u0629\u061C 5"}) {
            assertEquals(Optional.empty(), FreeText.lineProblem(marked, 100), marked);
        }
    }

    @Test
    void aStoredLineMayHoldDirectionControlsButNeverOtherControls() {
        assertEquals(Optional.empty(), FreeText.storedLineProblem("Conference \u202Eabroad", 100));
        assertEquals(Optional.of(FreeText.Problem.CONTROL_CHARACTER), FreeText.storedLineProblem("x\u0007y", 100));
        assertEquals(Optional.of(FreeText.Problem.TOO_LONG), FreeText.storedLineProblem("x".repeat(101), 100));
    }
}
