package org.clinic.appointments.infrastructure.ledger;

import java.time.Instant;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.User;

/** One line of the journal: a change and the full new state of the record it touches. */
public class JournalEntry {

    private long seq;
    private Instant at;
    private String actor;
    private String type;
    private User user;
    private Appointment appointment;

    public JournalEntry() {
    }

    static JournalEntry of(long seq, Instant at, String actor, String type, User user, Appointment appointment) {
        JournalEntry entry = new JournalEntry();
        entry.seq = seq;
        entry.at = at;
        entry.actor = actor;
        entry.type = type;
        entry.user = user;
        entry.appointment = appointment;
        return entry;
    }

    public long getSeq() {
        return seq;
    }

    public void setSeq(long seq) {
        this.seq = seq;
    }

    public Instant getAt() {
        return at;
    }

    public void setAt(Instant at) {
        this.at = at;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public User getUser() {
        return user;
    }

    public void setUser(User user) {
        this.user = user;
    }

    public Appointment getAppointment() {
        return appointment;
    }

    public void setAppointment(Appointment appointment) {
        this.appointment = appointment;
    }
}
