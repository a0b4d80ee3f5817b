package org.clinic.appointments.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PhoneNumberTest {

    @Test
    void aCountryCodeATrunkZeroAndTheSeparatorsDoNotMakeAnotherNumber() {
        assertTrue(PhoneNumber.same("+91 98765 43210", "9876543210"));
        assertTrue(PhoneNumber.same("098765-43210", "+91 98765 43210"));
        assertTrue(PhoneNumber.same("040 2345 6789", "+91 40 2345 6789"));
        assertEquals("9876543210", PhoneNumber.significantDigits("+91 (98765) 43210"));
    }

    @Test
    void anotherDigitIsAnotherNumber() {
        assertFalse(PhoneNumber.same("+91 98765 43210", "+91 98765 43211"));
        assertFalse(PhoneNumber.same("2345 6789", "12345 6789"));
        assertTrue(PhoneNumber.same("2345 6789", "2345-6789"));
    }

    @Test
    void noDigitsMatchNothing() {
        assertFalse(PhoneNumber.same(null, null));
        assertFalse(PhoneNumber.same("", ""));
        assertFalse(PhoneNumber.same("--", "--"));
    }
}
