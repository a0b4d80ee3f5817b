package org.clinic.appointments.application;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import org.clinic.appointments.domain.EmailAddress;

/**
 * An address an account can be known by: at most {@link EmailAddress#MAX_LENGTH}
 * code points, no invisible characters, and the shape name@domain.tld once white space at its ends is trimmed.
 */
@Documented
@Constraint(validatedBy = AccountEmailValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface AccountEmail {

    String message() default "{registration.email.invalid}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
