package org.clinic.appointments.security;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import org.clinic.appointments.domain.User;
import org.clinic.appointments.infrastructure.ledger.Ledger;

/** Checks an e-mail address and password against the ledger's accounts. The caller's name is the user id. */
@ApplicationScoped
public class LedgerIdentityStore implements IdentityStore {

    @Inject
    Ledger ledger;

    @Inject
    PasswordHasher hasher;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        Optional<User> user = ledger.userByEmail(credential.getCaller());
        char[] password = credential.getPassword().getValue();
        if (user.isEmpty()) {
            hasher.verifyDecoy(password);
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (!hasher.verify(password, user.get().getPassword())) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        String role = user.get().isAdmin() ? Roles.ADMIN : Roles.PATIENT;
        return new CredentialValidationResult(user.get().getId(), Set.of(role));
    }
}
