package org.clinic.appointments.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.clinic.appointments.application.AccountService;
import org.clinic.appointments.application.Registration;
import org.clinic.appointments.domain.BookingException;
import org.omnifaces.util.Messages;

/** Admin registration ({@code /admin/register}), open only while an admin registration code is configured. */
@Named("adminRegisterBacking")
@RequestScoped
public class RegisterBacking {

    @Inject
    AccountService accounts;

    private final Registration registration = new Registration();

    @NotBlank(message = "{admin_register.code.required}")
    @Size(max = 200, message = "{admin_register.code.wrong}")
    private String adminCode;

    public boolean isOpen() {
        return accounts.isAdminRegistrationOpen();
    }

    public String register() {
        try {
            accounts.registerAdmin(registration, adminCode);
        } catch (BookingException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
            return null;
        } finally {
            adminCode = null;
        }
        Messages.addFlashGlobalInfo("admin_register.done");
        return "/admin/login?faces-redirect=true";
    }

    public Registration getRegistration() {
        return registration;
    }

    public String getAdminCode() {
        return adminCode;
    }

    public void setAdminCode(String adminCode) {
        this.adminCode = adminCode;
    }
}
