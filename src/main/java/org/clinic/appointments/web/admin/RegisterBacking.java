package org.clinic.appointments.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.clinic.appointments.application.AccountService;
import org.clinic.appointments.application.Registration;
import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.infrastructure.config.AppConfig;
import org.clinic.appointments.security.LoginThrottle;
import org.clinic.appointments.web.ClientAddress;
import org.omnifaces.util.Messages;

/** Admin registration ({@code /admin/register}), open only while an admin registration code is configured. */
@Named("adminRegisterBacking")
@RequestScoped
public class RegisterBacking {

    @Inject
    AccountService accounts;

    @Inject
    AppConfig config;

    @Inject
    LoginThrottle throttle;

    /** The throttle's name for guesses at the admin registration code (counted per address, never globally). */
    private static final String CODE_GUESSES = "admin registration code";

    private final Registration registration = new Registration();

    @NotBlank(message = "{admin_register.code.required}")
    @Size(max = 200, message = "{admin_register.code.wrong}")
    private String adminCode;

    public boolean isOpen() {
        return accounts.isAdminRegistrationOpen();
    }

    /** Closed because the clinic has its first admin: further admins are invited. */
    public boolean isBootstrapped() {
        return accounts.hasAdmin();
    }

    /** Closed because the configured code is shorter than {@value AppConfig#MIN_ADMIN_CODE_LENGTH} characters. */
    public boolean isCodeTooShort() {
        return config.adminCodeTooShort();
    }

    public int getMinCodeLength() {
        return AppConfig.MIN_ADMIN_CODE_LENGTH;
    }

    public String register() {
        LoginThrottle.Reservation reservation = throttle.reserve(CODE_GUESSES, ClientAddress.current(), true);
        if (reservation.granted().isEmpty()) {
            adminCode = null;
            Messages.addGlobalError("admin_register.code.wait", Math.max(1, reservation.retryAfter().toSeconds()));
            return null;
        }
        LoginThrottle.Attempt attempt = reservation.granted().get();
        try {
            accounts.registerAdmin(registration, adminCode);
        } catch (BookingException e) {
            if ("admin_register.code.wrong".equals(e.getMessageKey())) {
                attempt.failed();
            } else {
                attempt.succeeded();
            }
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
            return null;
        } catch (RuntimeException e) {
            attempt.succeeded();
            throw e;
        } finally {
            adminCode = null;
        }
        attempt.succeeded();
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
