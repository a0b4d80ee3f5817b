package org.clinic.appointments.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.clinic.appointments.domain.AccountRecordChange;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.port.AppointmentBook;
import org.clinic.appointments.security.Roles;

/** The changes of accounts (by admins, and by their holders), as the audit trail lists them. */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class AccountAudit {

    @Inject
    AppointmentBook book;

    /**
     * The changes by this actor (null: anyone) of this type (null: any) in [from, until), newest first (an
     * account's later change first when two share their instant).
     */
    public List<AccountRecordChange> changes(String actorId, ChangeType type, Instant from, Instant until) {
        List<AccountRecordChange> rows = new ArrayList<>(book.changedAccounts().stream()
                .flatMap(u -> u.getChanges().stream()
                        .map(c -> new AccountRecordChange(u.getId(), u.getName(), u.getRole(), c)))
                .filter(r -> actorId == null || actorId.equals(r.change().getActor()))
                .filter(r -> type == null || type == r.change().type())
                .filter(r -> from == null || !r.change().getAt().isBefore(from))
                .filter(r -> until == null || r.change().getAt().isBefore(until))
                .toList());
        Collections.reverse(rows);
        rows.sort(Comparator.comparing((AccountRecordChange r) -> r.change().getAt()).reversed());
        return rows;
    }
}
