package org.clinic.appointments.application;

import jakarta.validation.constraints.NotBlank;

/** A new password, given with the current one. */
public class PasswordChange {

    @NotBlank(message = "{profile.password.current_required}")
    private String current;

    @NotBlank(message = "{registration.password.required}")
    @StrongPassword
    private String chosen;

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
    }

    public String getChosen() {
        return chosen;
    }

    public void setChosen(String chosen) {
        this.chosen = chosen;
    }
}
