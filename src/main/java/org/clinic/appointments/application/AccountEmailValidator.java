package org.clinic.appointments.application;

import java.util.regex.Pattern;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import org.clinic.appointments.domain.EmailAddress;
import org.clinic.appointments.domain.FreeText;

/** Checks an {@link AccountEmail}: each refusal with its own message. */
public class AccountEmailValidator implements ConstraintValidator<AccountEmail, String> {

    private static final Pattern SHAPE = Pattern.compile("[^@\\s\\p{Z}]+@[^@\\s\\p{Z}]+\\.[^@\\s\\p{Z}]+");

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null || value.isBlank()) {
            return true;
        }
        String refusal = refusal(value);
        if (refusal == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(refusal).addConstraintViolation();
        return false;
    }

    private static String refusal(String value) {
        if (FreeText.hasBrokenCharacter(value)) {
            return "{text.broken_character}";
        }
        if (EmailAddress.hasInvisibleCharacter(value)) {
            return "{registration.email.invisible}";
        }
        String key = EmailAddress.identityKey(value);
        if (FreeText.length(key) > EmailAddress.MAX_LENGTH) {
            return "{registration.email.size}";
        }
        return SHAPE.matcher(key).matches() ? null : "{registration.email.invalid}";
    }
}
