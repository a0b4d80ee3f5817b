package org.clinic.appointments.domain;

/** An account with that e-mail address exists already. */
public class DuplicateEmailException extends BookingException {

    private static final long serialVersionUID = 1L;

    public DuplicateEmailException() {
        super("register.email.taken");
    }
}
