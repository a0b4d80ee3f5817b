package org.clinic.appointments.application;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import org.clinic.appointments.domain.FreeText;

/**
 * Free text under the rules of {@link FreeText}: at most {@code max} code points,
 * no broken or control characters (line breaks only when {@code multiline}). {@code message} is the field's own
 * "too long" text; broken and control characters have shared texts.
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    int max();

    boolean multiline() default false;

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
