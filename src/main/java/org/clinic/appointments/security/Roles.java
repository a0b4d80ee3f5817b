package org.clinic.appointments.security;

/** The role names used in constraints, {@code @RolesAllowed} and the identity store's groups. */
public final class Roles {

    public static final String PATIENT = "PATIENT";
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
