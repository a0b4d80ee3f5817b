package org.clinic.appointments.web.patient;

import java.io.Serializable;
import java.time.Instant;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.clinic.appointments.application.EmailChange;
import org.clinic.appointments.application.PasswordChange;
import org.clinic.appointments.application.PatientAccount;
import org.clinic.appointments.application.Profile;
import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.security.AppAuthenticationMechanism;
import org.clinic.appointments.web.ClientAddress;
import org.clinic.appointments.web.MailLinks;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/** The patient's own account ({@code /patient/profile}): name and phone, e-mail address, password, and their data. */
@Named
@ViewScoped
public class ProfileBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PatientAccount account;

    @Inject
    MailLinks links;

    private User me;
    private Profile profile;
    private PasswordChange passwordChange = new PasswordChange();
    private EmailChange emailChange = new EmailChange();

    public void load() {
        me = account.me();
        profile = Profile.of(me);
    }

    /** Saves, then shows the page afresh: the header names the patient as they are now. */
    public String saveProfile() {
        try {
            account.updateProfile(profile);
        } catch (BookingException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
            return null;
        }
        Messages.addFlashGlobalInfo("profile.saved");
        return "/patient/profile?faces-redirect=true";
    }

    public void changePassword() {
        try {
            Instant validFrom = account.changePassword(passwordChange);
            Faces.setSessionAttribute(AppAuthenticationMechanism.SIGNED_IN_AT, validFrom);
            Messages.addGlobalInfo("profile.password.changed");
        } catch (BookingException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
        passwordChange = new PasswordChange();
    }

    public void changeEmail() {
        try {
            account.requestEmailChange(emailChange, ClientAddress.current(), links.page("verify"));
            Messages.addGlobalInfo("profile.email.requested", emailChange.getEmail().strip());
        } catch (BookingException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
        emailChange = new EmailChange();
        me = account.me();
    }

    public void resendVerification() {
        try {
            String address = account.resendVerification(ClientAddress.current(), links.page("verify"));
            Messages.addGlobalInfo("profile.email.resent", address);
        } catch (BookingException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
    }

    public EmailChange getEmailChange() {
        return emailChange;
    }

    public User getMe() {
        return me;
    }

    public Profile getProfile() {
        return profile;
    }

    public PasswordChange getPasswordChange() {
        return passwordChange;
    }
}
