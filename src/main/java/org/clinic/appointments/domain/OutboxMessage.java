package org.clinic.appointments.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A message to a patient about their appointment, kept with it from the change that causes it until it is sent
 * or given up (then only its history entry remains): its id (the appointment's, the change's number and the kind)
 * is the message's identity everywhere, the mail's {@code Message-ID} included.
 */
public class OutboxMessage implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private String id;
    private MessageKind kind;
    private String recipient;
    private Instant queuedAt;
    private Integer attempts;
    private Instant nextAttemptAt;
    private String lastError;

    public OutboxMessage() {
    }

    OutboxMessage(String id, MessageKind kind, String recipient, Instant queuedAt) {
        this.id = id;
        this.kind = kind;
        this.recipient = recipient;
        this.queuedAt = queuedAt;
        this.attempts = 0;
        this.nextAttemptAt = queuedAt;
    }

    OutboxMessage copy() {
        OutboxMessage copy = new OutboxMessage(id, kind, recipient, queuedAt);
        copy.attempts = attempts;
        copy.nextAttemptAt = nextAttemptAt;
        copy.lastError = lastError;
        return copy;
    }

    /** The same message, to another address (its patient's address changed while it waited). */
    OutboxMessage to(String address) {
        OutboxMessage moved = copy();
        moved.recipient = address;
        return moved;
    }

    /** Whether its next attempt is due. */
    public boolean isDue(Instant now) {
        return nextAttemptAt == null || !now.isBefore(nextAttemptAt);
    }

    void failed(String error, Instant next) {
        attempts = getAttempts() + 1;
        lastError = error;
        nextAttemptAt = next;
    }

    public String getId() {
        return id;
    }

    public MessageKind getKind() {
        return kind;
    }

    public String getRecipient() {
        return recipient;
    }

    public Instant getQueuedAt() {
        return queuedAt;
    }

    public int getAttempts() {
        return attempts == null ? 0 : attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OutboxMessage m && Objects.equals(id, m.id) && kind == m.kind
                && Objects.equals(recipient, m.recipient) && Objects.equals(queuedAt, m.queuedAt)
                && Objects.equals(attempts, m.attempts) && Objects.equals(nextAttemptAt, m.nextAttemptAt)
                && Objects.equals(lastError, m.lastError);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, attempts);
    }
}
