package org.clinic.appointments.application;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.clinic.appointments.domain.AccountRecordChange;
import org.clinic.appointments.domain.AuditQuery;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.Page;
import org.clinic.appointments.domain.port.AppointmentBook;
import org.clinic.appointments.security.Roles;

/** The changes of accounts (by admins, and by their holders), as the audit trail lists them. */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class AccountAudit {

    @Inject
    AppointmentBook book;

    /**
     * One page of the changes by this actor (null: anyone) of this type (null: any) in [from, until), newest first
     * ({@link AccountRecordChange#NEWEST_FIRST}), and how many match in all.
     */
    public Page<AccountRecordChange> changes(String actorId, ChangeType type, Instant from, Instant until, int first,
            int max) {
        return book.accountChanges(new AuditQuery(actorId, type == null ? null : type.code(), from, until), first, max);
    }
}
