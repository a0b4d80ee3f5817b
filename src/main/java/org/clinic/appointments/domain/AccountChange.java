package org.clinic.appointments.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One change of an account, by an admin or by its holder, kept on the account: when, who, what ({@link ChangeType}
 * code) and any details in words. A row of the audit trail.
 */
public class AccountChange implements Serializable {

    private static final long serialVersionUID = 1L;

    private Instant at;
    private String actor;
    private String action;
    private String detail;

    public AccountChange() {
    }

    public AccountChange(Instant at, String actor, ChangeType action, String detail) {
        this.at = Objects.requireNonNull(at, "at");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.action = action.code();
        this.detail = detail == null || detail.isEmpty() ? null : detail;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    /** The change's type; null for a code this version does not know. */
    public ChangeType type() {
        try {
            return action == null ? null : ChangeType.ofCode(action);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    public String getAction() {
        return action;
    }

    public String getDetail() {
        return detail == null ? "" : detail;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccountChange change && Objects.equals(at, change.at)
                && Objects.equals(actor, change.actor) && Objects.equals(action, change.action)
                && Objects.equals(detail, change.detail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(at, actor, action);
    }
}
