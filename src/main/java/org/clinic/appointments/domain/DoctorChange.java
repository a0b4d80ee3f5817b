package org.clinic.appointments.domain;

import java.time.Instant;
import java.util.Objects;

/** One change of a doctor's record: who, when, what ({@link ChangeType} code), which field, and from → to. */
public class DoctorChange implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private Instant at;
    private String actor;
    private String action;
    private String field;
    private String fromValue;
    private String toValue;

    public DoctorChange() {
    }

    public DoctorChange(Instant at, String actor, ChangeType action, DoctorField field, String fromValue,
            String toValue) {
        this.at = at;
        this.actor = actor;
        this.action = action.code();
        this.field = field == null ? null : field.code();
        this.fromValue = fromValue;
        this.toValue = toValue;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getField() {
        return field;
    }

    public String getFromValue() {
        return fromValue;
    }

    public String getToValue() {
        return toValue;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DoctorChange change && Objects.equals(at, change.at)
                && Objects.equals(actor, change.actor) && Objects.equals(action, change.action)
                && Objects.equals(field, change.field) && Objects.equals(fromValue, change.fromValue)
                && Objects.equals(toValue, change.toValue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(at, actor, action, field);
    }
}
