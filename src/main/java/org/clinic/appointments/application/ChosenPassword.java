package org.clinic.appointments.application;

import jakarta.validation.constraints.NotBlank;

/** A password a person chooses for an account opened for them. */
public class ChosenPassword {

    @NotBlank(message = "{registration.password.required}")
    @StrongPassword
    private String password;

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
