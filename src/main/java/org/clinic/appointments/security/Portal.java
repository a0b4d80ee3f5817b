package org.clinic.appointments.security;

import org.clinic.appointments.domain.Role;

/** The two doors in: the patient login and the admin login, each admitting only its own role. */
public enum Portal {
    PATIENT(Role.PATIENT, "/login", "/patient/", "/patient/doctors"),
    ADMIN(Role.ADMIN, "/admin/login", "/admin/", "/admin/dashboard");

    /** Request attribute through which the login page tells the mechanism which door is used. */
    public static final String REQUEST_ATTRIBUTE = Portal.class.getName();

    private final Role role;
    private final String loginPath;
    private final String area;
    private final String landingPath;

    Portal(Role role, String loginPath, String area, String landingPath) {
        this.role = role;
        this.loginPath = loginPath;
        this.area = area;
        this.landingPath = landingPath;
    }

    public Role role() {
        return role;
    }

    public String loginPath() {
        return loginPath;
    }

    public String landingPath() {
        return landingPath;
    }

    /** Whether a path (inside the application) belongs to this portal's protected area. */
    public boolean owns(String path) {
        return path != null && path.startsWith(area);
    }

    public static Portal forPath(String path) {
        return ADMIN.owns(path) ? ADMIN : PATIENT;
    }
}
