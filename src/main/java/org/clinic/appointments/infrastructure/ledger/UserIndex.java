package org.clinic.appointments.infrastructure.ledger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.clinic.appointments.domain.AccountRecordChange;
import org.clinic.appointments.domain.AuditQuery;
import org.clinic.appointments.domain.EmailAddress;
import org.clinic.appointments.domain.Page;
import org.clinic.appointments.domain.Role;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.domain.PhoneNumber;

/** The accounts in memory, by id and by e-mail identity key. Stored users are never mutated; callers get copies. */
final class UserIndex {

    private final Map<String, User> byId = new LinkedHashMap<>();
    private final Map<String, String> idByEmail = new HashMap<>();
    private final Map<String, List<String>> sharedEmailKeys = new HashMap<>();
    private final AccountChangeIndex changes = new AccountChangeIndex();

    void put(User user) {
        User previous = byId.put(user.getId(), user);
        changes.replaced(previous, user);
        if (previous != null) {
            idByEmail.remove(EmailAddress.identityKey(previous.getEmail()), previous.getId());
        }
        String key = EmailAddress.identityKey(user.getEmail());
        String holder = idByEmail.putIfAbsent(key, user.getId());
        if (holder != null && !holder.equals(user.getId())) {
            List<String> sharing = sharedEmailKeys.computeIfAbsent(key, k -> new ArrayList<>(List.of(holder)));
            if (!sharing.contains(user.getId())) {
                sharing.add(user.getId());
            }
        }
    }

    /** The stored record (not a copy): only for the ledger's own use. */
    User stored(String id) {
        return id == null ? null : byId.get(id);
    }

    boolean emailTaken(String email) {
        return idByEmail.containsKey(EmailAddress.identityKey(email));
    }

    Optional<User> user(String id) {
        return Optional.ofNullable(stored(id)).map(User::copy);
    }

    /**
     * The account of this address by its identity key. Where accounts of the earlier system share a key, the one
     * whose stored address is exactly the one given answers (so none of them is merged into another).
     */
    Optional<User> byEmail(String email) {
        String key = EmailAddress.identityKey(email);
        List<String> sharing = sharedEmailKeys.get(key);
        if (sharing != null) {
            String exact = email.strip().toLowerCase(Locale.ROOT);
            for (String id : sharing) {
                if (exact.equals(byId.get(id).getEmail().strip().toLowerCase(Locale.ROOT))) {
                    return user(id);
                }
            }
        }
        return user(key == null ? null : idByEmail.get(key));
    }

    /** Accounts whose e-mail address has the identity key of an older account's (migrated data only), by key. */
    Map<String, List<String>> sharedEmailKeys() {
        return Map.copyOf(sharedEmailKeys);
    }

    int size() {
        return byId.size();
    }

    /** The stored records in the order they were added: for snapshots, which never change them. */
    List<User> storedRecords() {
        return List.copyOf(byId.values());
    }

    List<User> findPatients(String text, int max) {
        String lower = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        String digits = PhoneNumber.significantDigits(lower);
        if (lower.isEmpty()) {
            return List.of();
        }
        return byId.values().stream().filter(u -> u.getRole() == Role.PATIENT)
                .filter(u -> contains(u.getName(), lower) || contains(u.getEmail(), lower)
                        || (digits.length() >= 4 && u.getPhone() != null && u.getPhone().replaceAll("[^0-9]", "").contains(digits)))
                .sorted(Comparator.comparing(User::getName, String.CASE_INSENSITIVE_ORDER))
                .limit(max).map(User::copy).toList();
    }

    private static boolean contains(String value, String lower) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(lower);
    }

    /** A page of the accounts' changes, newest first (a change is never altered once kept). */
    Page<AccountRecordChange> changes(AuditQuery query, int first, int size) {
        return changes.page(query, first, size, byId::get);
    }

    List<User> admins() {
        return byId.values().stream().filter(u -> u.getRole() == Role.ADMIN).map(User::copy)
                .sorted(Comparator.comparing(User::getName, String.CASE_INSENSITIVE_ORDER)).toList();
    }
}
