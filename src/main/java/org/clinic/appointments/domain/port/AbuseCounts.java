package org.clinic.appointments.domain.port;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The counts that slow abuse (sign-in failures, sign-ups, account mail), kept where every server of the clinic sees
 * them: in memory with the JSON ledger, which runs on one server; in the database with PostgreSQL. Losing them
 * (a restart) is harmless: they only ever delay. Instants are kept to the microsecond.
 */
public interface AbuseCounts {

    /**
     * Records an event for the key at {@code now}, unless {@code limit} of its events fall within {@code window}
     * before it: then answers how long until fewer than {@code limit} are left in it, recording nothing.
     */
    Optional<Duration> admit(String key, Instant now, int limit, Duration window);

    /**
     * Hands {@code change} the tallies of these keys (last counted after {@code forgetBefore}; older ones are
     * forgotten) and keeps what it leaves in the map, a key it removed is dropped; all at once, as if no other
     * server or thread counted meanwhile.
     */
    <T> T updateTallies(List<String> keys, Instant forgetBefore, Function<Map<String, FailureTally>, T> change);

    /** Failed attempts under one key: how many, the last one, and until when the next is refused. */
    record FailureTally(int count, Instant last, Instant blockedUntil) {
    }
}
