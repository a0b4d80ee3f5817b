package org.clinic.appointments.web;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.clinic.appointments.application.AccountService;
import org.clinic.appointments.application.Registration;
import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.DuplicateEmailException;
import org.clinic.appointments.security.RegistrationThrottle;
import org.omnifaces.util.Messages;

/** Patient registration ({@code /register}). */
@Named
@RequestScoped
public class RegisterBacking {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(RegisterBacking.class.getName());

    @Inject
    AccountService accounts;

    @Inject
    RegistrationThrottle throttle;

    @Inject
    MailLinks links;

    private final Registration registration = new Registration();

    /**
     * Registers the patient. An address that has an account already gets the same answer as a new one, so the
     * page never tells anyone who is a patient of this clinic (its owner simply logs in as before).
     */
    public String register() {
        Optional<Duration> wait = throttle.admit(ClientAddress.current());
        if (wait.isPresent()) {
            LOG.info(() -> "Sign-up refused: too many from " + ClientAddress.current());
            Messages.addGlobalError("register.too_many", Math.max(1, wait.get().toMinutes() + 1));
            return null;
        }
        try {
            accounts.registerPatient(registration, links.page("verify"));
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
