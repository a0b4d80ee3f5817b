package org.clinic.appointments.application;

import java.io.Serializable;

import jakarta.validation.constraints.NotBlank;

/** The e-mail address a walk-in gives the clinic, to log in with from now on. */
public class AccessAddress implements Serializable {

    private static final long serialVersionUID = 1L;

    @NotBlank(message = "{walk_in.email.required}")
    @AccountEmail
    private String email;

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
