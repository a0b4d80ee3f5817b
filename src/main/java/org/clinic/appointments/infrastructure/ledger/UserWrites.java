package org.clinic.appointments.infrastructure.ledger;

import java.time.Clock;
import java.util.Objects;
import java.util.function.UnaryOperator;

import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.DuplicateEmailException;
import org.clinic.appointments.domain.EmailAddress;
import org.clinic.appointments.domain.User;

/**
 * Changes to accounts: an address belongs to one account (by its identity key), a changed address must be free,
 * and each stored account updates the waitlist lines it stands in.
 */
final class UserWrites {

    private final UserIndex users;
    private final WaitlistIndex waitlist;
    private final Loading loading;
    private final Commits commits;
    private final Clock clock;

    UserWrites(UserIndex users, WaitlistIndex waitlist, Loading loading, Commits commits, Clock clock) {
        this.users = users;
        this.waitlist = waitlist;
        this.loading = loading;
        this.commits = commits;
        this.clock = clock;
    }

    User register(User user, String actor) {
        loading.requireUser(user, "new user");
        if (users.emailTaken(user.getEmail()) || users.stored(user.getId()) != null) {
            throw new DuplicateEmailException();
        }
        User stored = user.copy();
        stored.setEmail(EmailAddress.identityKey(user.getEmail()));
        commit(actor, ChangeType.USER_REGISTERED, stored);
        return stored.copy();
    }

    User change(String id, String actor, ChangeType type, UnaryOperator<User> change) {
        return update(change.apply(stored(id).copy()), actor, type);
    }

    User update(User user, String actor, ChangeType type) {
        User current = stored(user.getId());
        User stored = user.copy();
        String key = EmailAddress.identityKey(user.getEmail());
        if (Objects.equals(key, EmailAddress.identityKey(current.getEmail()))) {
            stored.setEmail(current.getEmail());
        } else if (users.emailTaken(key)) {
            throw new DuplicateEmailException();
        } else {
            stored.setEmail(key);
        }
        commit(actor, type, stored);
        return stored.copy();
    }

    void commit(String actor, ChangeType type, User stored) {
        JournalEntry entry = JournalEntry.ofUser(commits.nextSeq(), clock.instant(), actor, type.code(), stored);
        commits.commit(entry, () -> {
            users.put(stored);
            waitlist.put(stored);
        });
    }

    private User stored(String id) {
        User current = users.stored(id);
        if (current == null) {
            throw new IllegalArgumentException("No user " + id);
        }
        return current;
    }
}
