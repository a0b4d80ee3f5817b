package org.clinic.appointments.web.admin;

import java.io.Serializable;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.clinic.appointments.web.MailLinks;
import org.clinic.appointments.application.AdminInvitations;
import org.clinic.appointments.application.Invitee;
import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.security.CurrentUser;
import org.omnifaces.util.Messages;

/** Admin invitations ({@code /admin/invitations}): invite a person by name and address, see and withdraw open ones. */
@Named
@ViewScoped
public class InvitationsBacking implements Serializable {

    @Inject
    java.time.Clock clock;

    @Inject
    MailLinks links;

    private static final long serialVersionUID = 1L;

    @Inject
    AdminInvitations invitations;

    @Inject
    CurrentUser currentUser;

    private Invitee invitee = new Invitee();
    /** The link of the invitation just made; shown once, never stored. */
    private String link;
    private String linkFor;
    private List<User> pending;

    public void invite() {
        try {
            AdminInvitations.Issued issued = invitations.invite(invitee, currentUser.getId());
            link = links.page("admin/invitation?token=") + issued.token();
            linkFor = issued.invited().getEmail();
            Messages.addGlobalInfo("invitations.done", issued.invited().getName());
            invitee = new Invitee();
            pending = null;
        } catch (BookingException e) {
            link = null;
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
    }

    /** Makes a new link for an open or expired invitation; the old link stops working. */
    public void renew(User invited) {
        invitee = new Invitee();
        invitee.setName(invited.getName());
        invitee.setEmail(invited.getEmail());
        invite();
    }

    public void withdraw(String userId) {
        try {
            invitations.withdraw(userId, currentUser.getId());
            Messages.addGlobalInfo("invitations.withdrawn");
        } catch (BookingException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
        link = null;
        pending = null;
    }

    public List<User> getPending() {
        if (pending == null) {
            pending = invitations.pending();
        }
        return pending;
    }

    public boolean isExpired(User invited) {
        return invited.getInvitationExpires() == null || !clock.instant().isBefore(invited.getInvitationExpires());
    }

    public Invitee getInvitee() {
        return invitee;
    }

    public String getLink() {
        return link;
    }

    public String getLinkFor() {
        return linkFor;
    }
}
