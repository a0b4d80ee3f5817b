package org.clinic.appointments.security;

import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.StorageException;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.domain.port.AppointmentBook;

/**
 * Checks an e-mail address and password against the ledger's accounts. The caller's name is the user id.
 * A migrated account's old hash is replaced by our own at its first successful login.
 */
@ApplicationScoped
public class LedgerIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(LedgerIdentityStore.class.getName());

    @Inject
    AppointmentBook book;

    @Inject
    PasswordHasher hasher;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        Optional<User> user = book.userByEmail(credential.getCaller());
        char[] password = credential.getPassword().getValue();
        if (user.isEmpty()) {
            hasher.verifyDecoy(password);
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (!hasher.verify(password, user.get().getPassword())) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (hasher.needsRehash(user.get().getPassword())) {
            rehash(user.get(), password);
        }
        String role = user.get().isAdmin() ? Roles.ADMIN : Roles.PATIENT;
        return new CredentialValidationResult(user.get().getId(), Set.of(role));
    }

    /** The login goes ahead when the new hash cannot be stored: the old one stays valid and is tried again next time. */
    private void rehash(User user, char[] password) {
        User rehashed = user.copy();
        rehashed.setPassword(hasher.hash(password));
        try {
            book.updateUser(rehashed, user.getId(), ChangeType.PASSWORD_REHASHED);
            LOG.info(() -> "Migrated password hash of user " + user.getId() + " replaced by our own");
        } catch (StorageException | EJBException e) {
            LOG.warning(() -> "Migrated password hash of user " + user.getId() + " not replaced yet: " + e.getMessage());
        }
    }
}
