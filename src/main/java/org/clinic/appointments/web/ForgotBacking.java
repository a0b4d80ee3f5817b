package org.clinic.appointments.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.clinic.appointments.application.PasswordReset;
import org.omnifaces.util.Messages;

/** "Forgot password?" ({@code /forgot}): the same answer whether or not the address has an account. */
@Named
@RequestScoped
public class ForgotBacking {

    @Inject
    MailLinks links;

    @Inject
    PasswordReset reset;

    private String email;

    public String send() {
        reset.request(email, ClientAddress.current(), links.page("reset"));
        Messages.addFlashGlobalInfo("forgot.sent");
        return "/forgot?faces-redirect=true";
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
