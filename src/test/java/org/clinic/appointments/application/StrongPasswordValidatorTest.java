package org.clinic.appointments.application;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrongPasswordValidatorTest {

    private final StrongPasswordValidator validator = new StrongPasswordValidator();

    @ParameterizedTest
    @ValueSource(strings = {"short1", "password", "Password123", "12345678", "87654321", "abcdefghij", "aaaaaaaaaa",
            "abababab", "qwerty123", "k7#Lp2qZ", "Short-Pass1"})
    void refusesWeakPasswords(String password) {
        assertFalse(validator.isValid(password, null), password + " should be refused");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Monsoon-Tea-42", "correct horse battery", "k7#Lp2qZ-x9m"})
    void acceptsReasonablePasswords(String password) {
        assertTrue(validator.isValid(password, null), password + " should be accepted");
    }
}
