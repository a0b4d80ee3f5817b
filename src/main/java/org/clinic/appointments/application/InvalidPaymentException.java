package org.clinic.appointments.application;

import java.util.Map;

import org.clinic.appointments.domain.BookingException;

/** Payment details that cannot be charged, with a message key for each wrong field. */
public class InvalidPaymentException extends BookingException {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, String> problems;

    public InvalidPaymentException(Map<String, String> problems) {
        super(problems.values().iterator().next());
        this.problems = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(problems));
    }

    public Map<String, String> getProblems() {
        return problems;
    }
}
