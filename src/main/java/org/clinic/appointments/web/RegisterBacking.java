package org.clinic.appointments.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.clinic.appointments.application.AccountService;
import org.clinic.appointments.application.Registration;
import org.clinic.appointments.domain.BookingException;
import org.omnifaces.util.Messages;

/** Patient registration ({@code /register}). */
@Named
@RequestScoped
public class RegisterBacking {

    @Inject
    AccountService accounts;

    private final Registration registration = new Registration();

    public String register() {
        try {
            accounts.registerPatient(registration);
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
