package org.clinic.appointments.domain;

/** The change could not be made durable, so it was not made at all. */
public class StorageException extends BookingException {

    private static final long serialVersionUID = 1L;

    public StorageException(Throwable cause) {
        super("storage.unavailable", cause);
    }
}
