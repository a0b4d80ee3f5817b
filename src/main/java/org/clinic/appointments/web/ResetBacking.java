package org.clinic.appointments.web;

import java.io.Serializable;
import java.util.Optional;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.clinic.appointments.application.ChosenPassword;
import org.clinic.appointments.application.PasswordReset;
import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.User;
import org.omnifaces.util.Messages;

/**
 * A password-reset link ({@code /reset?token=}): a new password while the link is open; for a walk-in given online
 * access, their first, with the address they will log in with.
 */
@Named
@ViewScoped
public class ResetBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PasswordReset reset;

    private String token;
    private boolean open;
    private String accessAddress;
    private boolean walkInsLink;
    private final ChosenPassword chosen = new ChosenPassword();

    public void load() {
        Optional<User> holder = token == null ? Optional.empty() : reset.openFor(token);
        open = holder.isPresent();
        if (open && holder.get().isWalkIn()) {
            accessAddress = holder.get().getPendingEmail();
        }
        if (!open) {
            walkInsLink = token != null && reset.forWalkIn(token);
            Messages.addGlobalError(walkInsLink ? "reset.first.invalid" : "reset.invalid");
        }
    }

    public String save() {
        User user;
        try {
            user = reset.reset(token, chosen);
        } catch (BookingException e) {
            open = false;
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
            return null;
        }
        if (isFirstPassword()) {
            Messages.addFlashGlobalInfo("reset.first.done", user.getEmail());
        } else {
            Messages.addFlashGlobalInfo("reset.done");
        }
        return "/login?faces-redirect=true";
    }

    /** Whether the link is a walk-in's, to choose their first password (online access). */
    public boolean isFirstPassword() {
        return accessAddress != null || walkInsLink;
    }

    /** The address a walk-in's account will have: the one the link went to. */
    public String getAccessAddress() {
        return accessAddress;
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
