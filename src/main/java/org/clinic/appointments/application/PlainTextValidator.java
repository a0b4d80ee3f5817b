package org.clinic.appointments.application;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import org.clinic.appointments.domain.FreeText;

/** Checks a {@link PlainText} field; a broken or control character gets its own message. */
public class PlainTextValidator implements ConstraintValidator<PlainText, String> {

    private int max;
    private boolean multiline;

    @Override
    public void initialize(PlainText constraint) {
        max = constraint.max();
        multiline = constraint.multiline();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        var problem = multiline ? FreeText.blockProblem(value, max) : FreeText.lineProblem(value, max);
        if (problem.isEmpty()) {
            return true;
        }
        String template = switch (problem.get()) {
            case TOO_LONG -> null;
            case BROKEN_CHARACTER -> "{text.broken_character}";
            case CONTROL_CHARACTER -> "{text.control_character}";
        };
        if (template != null) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(template).addConstraintViolation();
        }
        return false;
    }
}
