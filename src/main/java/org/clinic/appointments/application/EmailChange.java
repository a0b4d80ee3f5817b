package org.clinic.appointments.application;

import jakarta.validation.constraints.NotBlank;

/** A new e-mail address for the patient's account, given with their current password. */
public class EmailChange {

    @NotBlank(message = "{registration.email.required}")
    @AccountEmail
    private String email;

    @NotBlank(message = "{profile.password.current_required}")
    private String current;

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
    }
}
