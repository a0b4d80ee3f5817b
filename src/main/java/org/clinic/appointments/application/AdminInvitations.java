package org.clinic.appointments.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
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
import org.clinic.appointments.infrastructure.config.AppConfig;
import org.clinic.appointments.security.PasswordHasher;
import org.clinic.appointments.security.Roles;

/**
 * Admins after the first: an admin invites a named person at an e-mail address and passes on the link shown once;
 * its holder chooses a password before it expires, and the link is then spent. Only the token's SHA-256 is stored.
 * Inviting an address again (while its invitation is unused) gives a new link and makes the old one worthless.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class AdminInvitations {

    private static final Logger LOG = Logger.getLogger(AdminInvitations.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AppointmentBook book;

    @Inject
    PasswordHasher hasher;

    @Inject
    AppConfig config;

    @Inject
    Clock clock;

    /** An invitation just made: the token for its link is known only here, and never again. */
    public record Issued(User invited, String token) {
    }

    public Issued invite(@NotNull @Valid Invitee invitee, String adminId) {
        String token = newToken();
        Instant expires = clock.instant().plus(config.invitationExpiry());
        Optional<User> existing = book.userByEmail(EmailAddress.identityKey(invitee.getEmail()));
        User invited;
        if (existing.isPresent()) {
            invited = book.changeUser(existing.get().getId(), adminId, ChangeType.ADMIN_INVITED, current -> {
                if (!current.isAdmin() || !current.isWithoutPassword()) {
                    throw new BookingException("invitations.email.taken");
                }
                current.setName(invitee.getName().strip());
                current.invite(hash(token), clock.instant(), expires, adminId);
                return current;
            });
        } else {
            User user = new User();
            user.setId(UUID.randomUUID().toString());
            user.setName(invitee.getName().strip());
            user.setEmail(EmailAddress.identityKey(invitee.getEmail()));
            user.setRole(Role.ADMIN);
            user.setCreatedAt(clock.instant());
            user.invite(hash(token), user.getCreatedAt(), expires, adminId);
            invited = book.registerUser(user, adminId);
        }
        LOG.info(() -> "Admin " + adminId + " invited user " + invited.getId() + " as an admin until " + expires);
        return new Issued(invited, token);
    }

    /** Invitations not yet used, newest first (expired ones too, so they can be renewed or withdrawn). */
    public List<User> pending() {
        return book.admins().stream().filter(User::isInvited)
                .sorted(Comparator.comparing(User::getInvitationExpires, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    public void withdraw(String userId, String adminId) {
        book.changeUser(userId, adminId, ChangeType.INVITATION_WITHDRAWN, current -> {
            if (!current.isInvited()) {
                throw new BookingException("invitations.not_pending");
            }
            current.withdrawInvitation(clock.instant(), adminId);
            return current;
        });
        LOG.info(() -> "Admin " + adminId + " withdrew the invitation of user " + userId);
    }

    /** The invited account a link leads to, while its invitation is open. */
    @PermitAll
    public Optional<User> open(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String hash = hash(token);
        Instant now = clock.instant();
        return book.admins().stream().filter(admin -> admin.invitationOpen(hash, now)).findFirst();
    }

    /** Sets the invited admin's password and spends the link, in one step (a second use finds it spent). */
    @PermitAll
    public User accept(String token, @NotNull @Valid ChosenPassword chosen) {
        User invited = open(token).orElseThrow(() -> new BookingException("invitation.invalid"));
        String passwordHash = hasher.hashIfFree(chosen.getPassword().toCharArray())
                .orElseThrow(() -> new BookingException("register.busy"));
        String hash = hash(token);
        User accepted = book.changeUser(invited.getId(), invited.getId(), ChangeType.INVITATION_ACCEPTED, current -> {
            if (!current.invitationOpen(hash, clock.instant())) {
                throw new BookingException("invitation.invalid");
            }
            current.acceptInvitation(passwordHash, clock.instant());
            return current;
        });
        LOG.info(() -> "User " + accepted.getId() + " accepted an admin invitation");
        return accepted;
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
