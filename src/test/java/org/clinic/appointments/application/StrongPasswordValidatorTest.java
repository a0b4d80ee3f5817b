package org.clinic.appointments.application;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrongPasswordValidatorTest {

    private final StrongPasswordValidator validator = new StrongPasswordValidator();

    @ParameterizedTest
    @ValueSource(strings = {"short1", "password", "Password123", "12345678", "87654321", "abcdefghij", "aaaaaaaaaa",
            "abababab", "qwerty123", "k7#Lp2qZ", "Short-Pass1",
            // long enough, but on leaked-password lists, words with digits, keyboard walks, leet speak
            "Password1234", "iloveyou2024", "qwertyuiop12", "Mumbai@123456", "1234567890ab", "P@ssw0rd2024!",
            "asdfghjkl;'1", "Other-Password-77", "passwordpasswordpassword"})
    void refusesWeakPasswords(String password) {
        assertFalse(validator.isValid(password, null), password + " should be refused");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Monsoon-Tea-42", "Old-Flask-Pass-7", "Someone-Elses-Pass-9", "k7#Lp2qZ-x9m",
            "Tr0ub4dor&3-correct-horse-battery-staple", "Saffron-Kite-Lamp-77"})
    void acceptsReasonablePasswords(String password) {
        assertTrue(validator.isValid(password, null), password + " should be accepted");
    }
}
