package org.clinic.appointments.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.clinic.appointments.application.AccountService;
import org.clinic.appointments.application.Registration;
import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.DuplicateEmailException;
import org.omnifaces.util.Messages;

/** Patient registration ({@code /register}). */
@Named
@RequestScoped
public class RegisterBacking {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(RegisterBacking.class.getName());

    @Inject
    AccountService accounts;

    private final Registration registration = new Registration();

    /**
     * Registers the patient. An address that has an account already gets the same answer as a new one, so the
     * page never tells anyone who is a patient of this clinic (its owner simply logs in as before).
     */
    public String register() {
        try {
            accounts.registerPatient(registration);
        } catch (DuplicateEmailException existing) {
            LOG.info("Registration for an address that has an account already; answered as any other");
        } catch (BookingException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
            return null;
        }
        Messages.addFlashGlobalInfo("register.done");
        return "/login?faces-redirect=true";
    }

    public Registration getRegistration() {
        return registration;
    }
}
