package org.clinic.appointments.domain;

import java.util.Comparator;

/**
 * One change of an account, with the account it belongs to and its place in the account's changes (a row of the
 * audit trail).
 */
public record AccountRecordChange(String userId, String userName, Role role, int index, AccountChange change) {

    /** The audit trail's order: newest first; of two at one instant, the later account id, then the later change. */
    public static final Comparator<AccountRecordChange> NEWEST_FIRST = Comparator
            .comparing((AccountRecordChange r) -> r.change().getAt())
            .thenComparing(AccountRecordChange::userId)
            .thenComparingInt(AccountRecordChange::index)
            .reversed();
}
