package org.clinic.appointments.web.admin;

import java.io.Serializable;
import java.util.Optional;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.clinic.appointments.application.AdminInvitations;
import org.clinic.appointments.application.ChosenPassword;
import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.User;
import org.omnifaces.util.Messages;

/** Accepting an admin invitation ({@code /admin/invitation?token=}): its holder chooses a password. */
@Named
@ViewScoped
public class InvitationBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AdminInvitations invitations;

    private String token;
    private User invited;
    private final ChosenPassword chosen = new ChosenPassword();

    public void load() {
        Optional<User> open = invitations.open(token);
        invited = open.orElse(null);
        if (invited == null) {
            Messages.addGlobalError("invitation.invalid");
        }
    }

    public String accept() {
        try {
            invitations.accept(token, chosen);
        } catch (BookingException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
            load();
            return null;
        } finally {
            chosen.setPassword(null);
        }
        Messages.addFlashGlobalInfo("invitation.done");
        return "/admin/login?faces-redirect=true";
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public User getInvited() {
        return invited;
    }

    public ChosenPassword getChosen() {
        return chosen;
    }
}
