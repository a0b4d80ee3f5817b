package org.clinic.appointments.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.DuplicateEmailException;
import org.clinic.appointments.domain.EmailAddress;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.domain.port.AppointmentBook;
import org.clinic.appointments.infrastructure.config.AppConfig;
import org.clinic.appointments.security.PasswordHasher;
import org.clinic.appointments.security.AccountMailThrottle;

/**
 * "Forgot password?": a single-use link with an expiry, sent to the account's address. The answer is the same
 * whether or not the address has an account; only the SHA-256 of the link's secret is stored; using it ends the
 * account's other sessions. The mail is sent on its own thread (no timing tells an account exists) and directly,
 * not through the outbox, so the secret is never written to disk.
 */
@Stateless
@PermitAll
public class PasswordReset {

    private static final Logger LOG = Logger.getLogger(PasswordReset.class.getName());

    @Inject
    AppointmentBook book;

    @Inject
    PasswordHasher hasher;

    @Inject
    AccountMailThrottle throttle;

    @Inject
    AccountMail mail;

    @Inject
    AppConfig config;

    @Inject
    DetailsCarryOver carryOver;

    @Inject
    Clock clock;

    /** Sends a link when the address has an account that signs in with a password; answers nothing either way. */
    public void request(String email, String clientAddress, String resetPageUrl) {
        if (email == null || email.isBlank() || email.length() > 320) {
            return;
        }
        String key = EmailAddress.identityKey(email);
        if (!throttle.admit(clientAddress, key)) {
            LOG.info(() -> "Password-reset request from " + clientAddress + " not served: too many");
            return;
        }
        Optional<User> account = book.userByEmail(email).filter(u -> !u.isWithoutPassword() && !u.isWalkIn());
        if (account.isEmpty()) {
            return;
        }
        LinkToken token = LinkToken.issue(account.get().getId());
        Instant expires = clock.instant().plus(config.resetExpiry());
        User user = book.changeUser(token.userId(), token.userId(), ChangeType.PASSWORD_RESET_REQUESTED,
                u -> u.withResetToken(token.secretHash(), expires));
        String link = token.link(resetPageUrl);
        mail.send(MessageTemplates.resetMail(user, link, config.resetExpiry(), config.clinicName(),
                config.clinicAddress()));
        LOG.info(() -> "Password-reset link for user " + user.getId() + " issued, valid until " + expires);
    }

    /** The account the link is for, while it is open. */
    public Optional<User> openFor(String token) {
        Instant now = clock.instant();
        return LinkToken.parse(token).flatMap(t -> book.user(t.userId()).filter(u -> u.resetOpen(t.secretHash(), now)));
    }

    /** Whether the link names a walk-in (who asks the clinic for a new link, not "Forgot password?"). */
    public boolean forWalkIn(String token) {
        return LinkToken.parse(token).flatMap(t -> book.user(t.userId())).filter(User::isWalkIn).isPresent();
    }

    /**
     * Sets the new password when the link is open; a walk-in's link also makes the address it went to the
     * account's. {@code BookingException}: "reset.invalid" (unknown, used, run out or another link),
     * "access.email.taken" (a walk-in's address that has become another account's meanwhile).
     */
    public User reset(String token, @NotNull @Valid ChosenPassword chosen) {
        LinkToken parsed = LinkToken.parse(token).orElseThrow(() -> new BookingException("reset.invalid"));
        User holder = book.user(parsed.userId()).orElseThrow(() -> new BookingException("reset.invalid"));
        String hash = hasher.hashIfFree(chosen.getPassword().toCharArray())
                .orElseThrow(() -> new BookingException("register.busy"));
        String secretHash = parsed.secretHash();
        boolean firstPassword = holder.isWalkIn();
        ChangeType type = firstPassword ? ChangeType.ONLINE_ACCESS_TAKEN : ChangeType.PASSWORD_RESET;
        User user;
        try {
            user = book.changeUser(parsed.userId(), parsed.userId(), type, u -> {
                Instant now = clock.instant();
                if (!u.resetOpen(secretHash, now) || u.isWalkIn() != firstPassword) {
                    throw new BookingException("reset.invalid");
                }
                return u.passwordChosenByLink(hash, now);
            });
        } catch (DuplicateEmailException e) {
            throw new BookingException("access.email.taken");
        }
        if (firstPassword) {
            LOG.info(() -> "Walk-in patient " + user.getId() + " chose a password: online access taken");
            carryOver.patient(user, user.getId());
        } else {
            LOG.info(() -> "User " + user.getId() + " reset their password; their other sessions end");
        }
        return user;
    }
}
