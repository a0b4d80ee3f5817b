package org.clinic.appointments.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.EmailAddress;
import org.clinic.appointments.domain.Role;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.domain.port.AppointmentBook;
import org.clinic.appointments.domain.port.Postbox;
import org.clinic.appointments.infrastructure.config.AppConfig;
import org.clinic.appointments.security.Roles;

/**
 * A walk-in given online access: the clinic enters the address the patient gives, and a single-use link to choose a
 * password goes there (the reset page takes it). Once it is used, the address is the account's, so the patient logs
 * in, books and gets their messages like any other, with the same record and appointments. Only the SHA-256 of the
 * link's secret is stored, and the mail is sent directly, never kept.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class OnlineAccess {

    private static final Logger LOG = Logger.getLogger(OnlineAccess.class.getName());

    @Resource
    SessionContext context;

    @Inject
    AppointmentBook book;

    @Inject
    AccountMail mail;

    @Inject
    Postbox postbox;

    @Inject
    AppConfig config;

    @Inject
    Clock clock;

    /** Whether a link can reach anyone: only where a mail server is configured. */
    public boolean available() {
        return postbox.isConfigured();
    }

    /** How long a link to choose a password works. */
    public Duration validFor() {
        return config.verifyExpiry();
    }

    /**
     * Mails the walk-in a link to choose a password, replacing any earlier one. {@code BookingException}:
     * "patients.unknown", "patients.access.no_mail", "patients.access.taken" (the address has an account),
     * "patients.access.own_account", "patients.access.suspended".
     */
    public User offer(String patientId, @NotNull @Valid AccessAddress address, String resetPageUrl) {
        book.user(patientId).filter(u -> u.getRole() == Role.PATIENT)
                .orElseThrow(() -> new BookingException("patients.unknown"));
        if (!available()) {
            throw new BookingException("patients.access.no_mail");
        }
        String key = EmailAddress.identityKey(address.getEmail());
        if (book.userByEmail(key).isPresent()) {
            throw new BookingException("patients.access.taken");
        }
        String actor = context.getCallerPrincipal().getName();
        LinkToken token = LinkToken.issue(patientId);
        Instant expires = clock.instant().plus(validFor());
        User offered = book.changeUser(patientId, actor, ChangeType.ONLINE_ACCESS_OFFERED,
                u -> u.onlineAccessOffered(key, token.secretHash(), expires, clock.instant(), actor));
        mail.send(MessageTemplates.accessMail(offered, token.link(resetPageUrl), validFor(),
                config.clinicName(), config.clinicAddress()));
        LOG.info(() -> "Admin " + actor + " offered walk-in patient " + patientId + " online access until " + expires);
        return offered;
    }
}
