package org.clinic.appointments.web;

import org.omnifaces.util.Faces;

/**
 * The address of the client of the current Faces request, as the server established it (a trusted proxy's
 * {@code X-Forwarded-For} is applied before the application sees the request). Not OmniFaces'
 * {@code Faces.getRemoteAddr()}, which believes {@code X-Forwarded-For} from anyone.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String current() {
        return Faces.getRequest().getRemoteAddr();
    }
}
