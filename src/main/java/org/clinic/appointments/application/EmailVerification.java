package org.clinic.appointments.application;

import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.domain.port.AppointmentBook;
import org.clinic.appointments.domain.port.Postbox;
import org.clinic.appointments.infrastructure.config.AppConfig;
import org.clinic.appointments.domain.DuplicateEmailException;

/**
 * Proof that an address belongs to its patient: a single-use link with an expiry, sent to the address (a new
 * patient's, or a new one a patient asked for). Only the SHA-256 of the link's secret is stored; the mail is sent
 * directly, not through the outbox, so the secret is never written to disk. Required only where a mail server is
 * configured, since without one no link can arrive.
 */
@Stateless
@PermitAll
public class EmailVerification {

    private static final Logger LOG = Logger.getLogger(EmailVerification.class.getName());

    @Inject
    AppointmentBook book;

    @Inject
    AccountMail mail;

    @Inject
    Postbox postbox;

    @Inject
    AppConfig config;

    @Inject
    DetailsCarryOver carryOver;

    @Inject
    Clock clock;

    /** Whether new patients must verify their address before confirming a Pay-at-Clinic booking. */
    public boolean required() {
        return config.emailVerification() && postbox.isConfigured();
    }

    /** Opens a new link for the account's address to verify (replacing any earlier one) and mails it. */
    public void sendLink(String userId, String verifyPageUrl) {
        LinkToken token = LinkToken.issue(userId);
        Instant expires = clock.instant().plus(config.verifyExpiry());
        User user = book.changeUser(userId, userId, ChangeType.VERIFICATION_SENT,
                u -> u.withVerifyToken(token.secretHash(), expires));
        mailLink(user, token, verifyPageUrl);
    }

    /** Records the new address the patient asked for, with a link to verify it, and mails the link there. */
    public void requestChange(String userId, String newEmail, String verifyPageUrl) {
        LinkToken token = LinkToken.issue(userId);
        Instant expires = clock.instant().plus(config.verifyExpiry());
        User user = book.changeUser(userId, userId, ChangeType.EMAIL_CHANGE_REQUESTED,
                u -> u.emailChangeRequested(newEmail, token.secretHash(), expires));
        mailLink(user, token, verifyPageUrl);
    }

    private void mailLink(User user, LinkToken token, String verifyPageUrl) {
        mail.send(MessageTemplates.verifyMail(user, token.link(verifyPageUrl), config.verifyExpiry(),
                config.clinicName(), config.clinicAddress()));
        LOG.info(() -> "Verification link for user " + user.getId() + " issued");
    }

    /**
     * Verifies the address the link is for; a new address becomes the account's. {@code BookingException}:
     * "verify.invalid" (unknown, used, run out or another link), "profile.email.taken" (taken meanwhile).
     */
    public User verify(String token) {
        LinkToken parsed = LinkToken.parse(token).orElseThrow(() -> new BookingException("verify.invalid"));
        if (book.user(parsed.userId()).isEmpty()) {
            throw new BookingException("verify.invalid");
        }
        String secretHash = parsed.secretHash();
        try {
            User user = book.changeUser(parsed.userId(), parsed.userId(), ChangeType.EMAIL_VERIFIED, u -> {
                if (!u.verifyOpen(secretHash, clock.instant())) {
                    throw new BookingException("verify.invalid");
                }
                return u.verified(clock.instant());
            });
            LOG.info(() -> "User " + user.getId() + " verified their e-mail address");
            carryOver.patient(user, user.getId());
            return user;
        } catch (DuplicateEmailException e) {
            throw new BookingException("profile.email.taken");
        }
    }
}
