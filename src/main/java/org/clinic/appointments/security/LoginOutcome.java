package org.clinic.appointments.security;

/** Why a login attempt ended as it did; the login page turns it into a message. */
public enum LoginOutcome {
    SUCCESS,
    BAD_CREDENTIALS,
    WRONG_PORTAL,
    SUSPENDED,
    THROTTLED;

    /** Request attribute through which the mechanism tells the login page the outcome. */
    public static final String REQUEST_ATTRIBUTE = LoginOutcome.class.getName();
    public static final String RETRY_AFTER_ATTRIBUTE = LoginOutcome.class.getName() + ".retryAfter";
}
