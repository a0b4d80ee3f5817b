package org.clinic.appointments.web;

import java.io.Serializable;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.clinic.appointments.application.EmailVerification;
import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.User;
import org.omnifaces.util.Messages;

/**
 * An e-mail verification link ({@code /verify?token=}). Opening it only shows a button: the address is confirmed
 * when the person presses it, so a mail scanner that follows links cannot spend it.
 */
@Named
@ViewScoped
public class VerifyBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    EmailVerification verification;

    private String token;
    private boolean done;

    public void confirm() {
        try {
            User user = verification.verify(token);
            Messages.addGlobalInfo("verify.done", user.getEmail());
        } catch (BookingException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
        done = true;
    }

    public boolean isDone() {
        return done;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
