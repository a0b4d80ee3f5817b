package org.clinic.appointments.application;

import org.clinic.appointments.domain.BookingException;

/** Nobody may register as an admin with the code: none is configured, or the clinic has its first admin. */
public class AdminRegistrationClosedException extends BookingException {

    private static final long serialVersionUID = 1L;

    public AdminRegistrationClosedException() {
        super("admin_register.closed");
    }

    public AdminRegistrationClosedException(String messageKey) {
        super(messageKey);
    }
}
