package org.clinic.appointments.web;

import java.io.Serializable;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.clinic.appointments.application.ChosenPassword;
import org.clinic.appointments.application.PasswordReset;
import org.clinic.appointments.domain.BookingException;
import org.omnifaces.util.Messages;

/** A password-reset link ({@code /reset?token=}): a new password while the link is open. */
@Named
@ViewScoped
public class ResetBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PasswordReset reset;

    private String token;
    private boolean open;
    private final ChosenPassword chosen = new ChosenPassword();

    public void load() {
        open = token != null && reset.openFor(token).isPresent();
        if (!open) {
            Messages.addGlobalError("reset.invalid");
        }
    }

    public String save() {
        try {
            reset.reset(token, chosen);
        } catch (BookingException e) {
            open = false;
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
            return null;
        }
        Messages.addFlashGlobalInfo("reset.done");
        return "/login?faces-redirect=true";
    }

    public boolean isOpen() {
        return open;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public ChosenPassword getChosen() {
        return chosen;
    }
}
