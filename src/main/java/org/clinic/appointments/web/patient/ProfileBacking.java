package org.clinic.appointments.web.patient;

import java.io.Serializable;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.clinic.appointments.application.PasswordChange;
import org.clinic.appointments.application.PatientAccount;
import org.clinic.appointments.application.Profile;
import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.User;
import org.omnifaces.util.Messages;

/** The patient's own account ({@code /patient/profile}): name and phone, password, and their data to download. */
@Named
@ViewScoped
public class ProfileBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PatientAccount account;

    private User me;
    private Profile profile;
    private PasswordChange passwordChange = new PasswordChange();

    public void load() {
        me = account.me();
        profile = Profile.of(me);
    }

    /** Saves, then shows the page afresh: the header names the patient as they are now. */
    public String saveProfile() {
        account.updateProfile(profile);
        Messages.addFlashGlobalInfo("profile.saved");
        return "/patient/profile?faces-redirect=true";
    }

    public void changePassword() {
        try {
            account.changePassword(passwordChange);
            Messages.addGlobalInfo("profile.password.changed");
        } catch (BookingException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
        passwordChange = new PasswordChange();
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
