package org.clinic.appointments.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Whom an admin invites: a name and the e-mail address the link is for. */
public class Invitee {

    @NotBlank(message = "{registration.name.required}")
    @PlainText(max = Registration.NAME_MAX, message = "{registration.name.size}")
    @Pattern(regexp = "[^<>\"\\p{Cntrl}]*", message = "{registration.name.characters}")
    private String name;

    @NotBlank(message = "{registration.email.required}")
    @AccountEmail
    private String email;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
