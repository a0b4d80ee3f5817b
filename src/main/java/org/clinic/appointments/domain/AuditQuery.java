package org.clinic.appointments.domain;

import java.time.Instant;

/** Which changes the audit trail shows: by whom (user id or {@code system}), which action, and when. */
public record AuditQuery(String actor, String action, Instant from, Instant until) {

    public AuditQuery {
        actor = actor == null || actor.isBlank() ? null : actor;
        action = action == null || action.isBlank() ? null : action;
    }

    public boolean matches(AccountChange change) {
        return (actor == null || actor.equals(change.getActor()))
                && (action == null || action.equals(change.getAction()))
                && (from == null || !change.getAt().isBefore(from))
                && (until == null || change.getAt().isBefore(until));
    }

    public boolean matches(HistoryEntry entry) {
        return (actor == null || actor.equals(entry.getActor()))
                && (action == null || action.equals(entry.getAction()))
                && (from == null || (entry.getAt() != null && !entry.getAt().isBefore(from)))
                && (until == null || (entry.getAt() != null && entry.getAt().isBefore(until)));
    }
}
