package org.clinic.appointments.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** What a person gives to open an account. */
public class Registration {

    public static final int NAME_MAX = 100;

    @NotBlank(message = "{registration.name.required}")
    @PlainText(max = NAME_MAX, message = "{registration.name.size}")
    @Pattern(regexp = "[^<>\"\\p{Cntrl}]*", message = "{registration.name.characters}")
    private String name;

    @NotBlank(message = "{registration.email.required}")
    @AccountEmail
    private String email;

    @NotBlank(message = "{registration.phone.required}")
    @Pattern(regexp = "\\+?[0-9][0-9 \\-]{6,18}[0-9]", message = "{registration.phone.invalid}")
    private String phone;

    @NotBlank(message = "{registration.password.required}")
    @StrongPassword
    private String password;

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

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
