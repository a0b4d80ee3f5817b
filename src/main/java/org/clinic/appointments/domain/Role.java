package org.clinic.appointments.domain;

/** What an account may do; stored as the old system's lower-case codes. */
public enum Role {
    PATIENT("patient"),
    ADMIN("admin");

    private final String code;

    Role(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Role fromCode(String code) {
        for (Role role : values()) {
            if (role.code.equalsIgnoreCase(code)) {
                return role;
            }
        }
        throw new IllegalArgumentException("Unknown role '" + code + "'");
    }
}
