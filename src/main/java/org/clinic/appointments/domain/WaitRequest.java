package org.clinic.appointments.domain;

import java.time.Instant;
import java.time.LocalDate;

/** A patient's place on a doctor's waitlist for the days {@code from} to {@code to}, since {@code joinedAt}. */
public class WaitRequest implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private String id;
    private String doctorId;
    private LocalDate from;
    private LocalDate to;
    private Instant joinedAt;

    public WaitRequest() {
    }

    public WaitRequest(String id, String doctorId, LocalDate from, LocalDate to, Instant joinedAt) {
        this.id = id;
        this.doctorId = doctorId;
        this.from = from;
        this.to = to;
        this.joinedAt = joinedAt;
    }

    WaitRequest copy() {
        return new WaitRequest(id, doctorId, from, to, joinedAt);
    }

    /** Whether a freed slot of this doctor on this day is one the patient waits for. */
    public boolean covers(String slotDoctorId, LocalDate date) {
        return doctorId.equals(slotDoctorId) && !date.isBefore(from) && !date.isAfter(to);
    }

    boolean overlaps(WaitRequest other) {
        return doctorId.equals(other.doctorId) && !other.to.isBefore(from) && !other.from.isAfter(to);
    }

    public String getId() {
        return id;
    }

    public String getDoctorId() {
        return doctorId;
    }

    public LocalDate getFrom() {
        return from;
    }

    public LocalDate getTo() {
        return to;
    }

    public Instant getJoinedAt() {
        return joinedAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WaitRequest w && java.util.Objects.equals(id, w.id)
                && java.util.Objects.equals(doctorId, w.doctorId) && java.util.Objects.equals(from, w.from)
                && java.util.Objects.equals(to, w.to) && java.util.Objects.equals(joinedAt, w.joinedAt);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(id, doctorId, from, to, joinedAt);
    }
}
