package org.clinic.appointments.application;

import java.util.Locale;
import java.util.Set;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;

import org.clinic.appointments.domain.FreeText;

/**
 * Refuses short passwords, one repeated character, a run like "12345678", the most common passwords, and any
 * password nbvcxz estimates easier to guess than its default minimum entropy (leaked-password lists, words,
 * names, keyboard patterns, dates, leet speak), with its dictionaries loaded once.
 */
public class StrongPasswordValidator implements ConstraintValidator<StrongPassword, String> {

    private static final Set<String> COMMON = Set.of(
            "password", "password1", "password12", "password123", "passw0rd", "p@ssw0rd", "p@ssword",
            "qwerty", "qwerty123", "qwertyuiop", "abc12345", "abcd1234", "abcdefgh", "iloveyou", "letmein",
            "welcome1", "welcome123", "admin123", "administrator", "football", "baseball", "sunshine",
            "princess", "monkey123", "dragon123", "trustno1", "changeme", "1q2w3e4r", "zaq12wsx", "asdfghjk",
            "asdf1234", "superman", "starwars", "whatever", "computer", "internet", "hospital", "doctor123",
            "patient1", "india123", "mumbai123", "delhi123");

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null || value.isEmpty()) {
            return true;
        }
        int length = FreeText.length(value);
        if (length < StrongPassword.MIN_LENGTH || length > StrongPassword.MAX_LENGTH || FreeText.hasBrokenCharacter(value)) {
            return false;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        return !COMMON.contains(lower) && !oneCharacter(lower) && !isRun(lower)
                && GuessEstimate.ESTIMATOR.estimate(value).isMinimumEntropyMet();
    }

    /** Loaded at the first check. Only the first 40 characters are estimated, for at most 60 ms of combining. */
    private static final class GuessEstimate {
        static final Nbvcxz ESTIMATOR = new Nbvcxz(new ConfigurationBuilder()
                .setMaxLength(40).setCombinationAlgorithmTimeout(60L).createConfiguration());
    }

    private static boolean oneCharacter(String value) {
        return value.chars().distinct().count() <= 2;
    }

    private static boolean isRun(String value) {
        int step = value.charAt(1) - value.charAt(0);
        if (Math.abs(step) != 1) {
            return false;
        }
        for (int i = 2; i < value.length(); i++) {
            if (value.charAt(i) - value.charAt(i - 1) != step) {
                return false;
            }
        }
        return true;
    }
}
