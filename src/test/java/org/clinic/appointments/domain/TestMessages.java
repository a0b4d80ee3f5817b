package org.clinic.appointments.domain;

import java.time.Instant;

/** Outbox messages for tests outside the domain package. */
public final class TestMessages {

    private TestMessages() {
    }

    public static OutboxMessage of(String id, MessageKind kind, String recipient) {
        return new OutboxMessage(id, kind, recipient, Instant.parse("2026-11-24T06:00:00Z"));
    }
}
