package org.clinic.appointments.application;

import java.time.Clock;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.EmailAddress;
import org.clinic.appointments.domain.Role;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.infrastructure.config.AppConfig;
import org.clinic.appointments.domain.port.AppointmentBook;
import org.clinic.appointments.security.PasswordHasher;

/**
 * Opens accounts: patients freely; the first admin with the configured registration code, every further admin
 * through an invitation ({@link AdminInvitations}).
 */
@Stateless
@PermitAll
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class.getName());

    @Inject
    AppointmentBook book;

    @Inject
    PasswordHasher hasher;

    @Inject
    AppConfig config;

    @Inject
    EmailVerification verification;

    @Inject
    Clock clock;

    public User registerPatient(@NotNull @Valid Registration registration) {
        return register(registration, Role.PATIENT);
    }

    /** Registers a patient; where addresses are verified, mails the link to {@code verifyPageUrl}. */
    public User registerPatient(@NotNull @Valid Registration registration, String verifyPageUrl) {
        User user = register(registration, Role.PATIENT);
        if (!user.isEmailVerified()) {
            verification.sendLink(user.getId(), verifyPageUrl);
        }
        return user;
    }

    public boolean isAdminRegistrationOpen() {
        return config.adminCode().isPresent() && !hasAdmin();
    }

    /** Whether the clinic has an admin who can sign in: then the code has done its one job. */
    public boolean hasAdmin() {
        return book.admins().stream().anyMatch(admin -> !admin.isWithoutPassword());
    }

    public User registerAdmin(@NotNull @Valid Registration registration, String adminCode) {
        if (config.adminCode().isEmpty()) {
            throw new AdminRegistrationClosedException();
        }
        if (hasAdmin()) {
            throw new AdminRegistrationClosedException("admin_register.closed.bootstrapped");
        }
        if (!config.isAdminCode(adminCode)) {
            LOG.warning("Admin registration refused: wrong registration code");
            throw new BookingException("admin_register.code.wrong");
        }
        return register(registration, Role.ADMIN);
    }

    private User register(Registration registration, Role role) {
        User user = new User();
        user.setId(UUID.randomUUID().toString());
        user.setName(registration.getName().strip());
        user.setEmail(EmailAddress.identityKey(registration.getEmail()));
        user.setPhone(registration.getPhone().strip());
        user.setRole(role);
        user.opened(clock.instant(), user.getId());
        user.setPassword(hasher.hashIfFree(registration.getPassword().toCharArray())
                .orElseThrow(() -> new BookingException("register.busy")));
        if (role == Role.PATIENT && verification.required()) {
            user = user.unverified(user.getCreatedAt());
        }
        return book.registerUser(user, user.getId());
    }
}
