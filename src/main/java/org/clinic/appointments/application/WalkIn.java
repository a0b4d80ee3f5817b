package org.clinic.appointments.application;

import java.io.Serializable;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.clinic.appointments.domain.User;

/** A patient at the counter or on the phone without an account: a name and a phone number, as the clinic enters them. */
public class WalkIn implements Serializable {

    private static final long serialVersionUID = 1L;

    @NotBlank(message = "{walk_in.name.required}")
    @PlainText(max = Registration.NAME_MAX, message = "{registration.name.size}")
    @Pattern(regexp = "[^<>\"\\p{Cntrl}]*", message = "{registration.name.characters}")
    private String name;

    @NotBlank(message = "{walk_in.phone.required}")
    @Pattern(regexp = "\\+?[0-9][0-9 \\-]{6,18}[0-9]", message = "{registration.phone.invalid}")
    private String phone;

    public static WalkIn of(User patient) {
        WalkIn walkIn = new WalkIn();
        walkIn.name = patient.getName();
        walkIn.phone = patient.getPhone();
        return walkIn;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }
}
