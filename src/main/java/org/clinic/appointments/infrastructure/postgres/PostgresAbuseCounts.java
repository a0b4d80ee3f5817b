package org.clinic.appointments.infrastructure.postgres;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import javax.sql.DataSource;

import org.clinic.appointments.domain.port.AbuseCounts;

/**
 * The counts in the database, so that every server of the clinic sees them: each key as its SHA-256 digest, each
 * update in one transaction holding an advisory lock per key (taken in one statement, in the locks' order, so two
 * updates never wait on each other in a circle). Events and tallies past their time are swept, in a transaction of their own, at most
 * once a minute per server.
 */
public final class PostgresAbuseCounts implements AbuseCounts {

    /** The advisory locks' first key, so they cannot meet those of anything else in the database. */
    private static final int LOCK_CLASS = 0x61627573;
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);
    private static final HexFormat HEX = HexFormat.of();

    private final Database database;
    private final AtomicReference<Instant> eventsSwept = new AtomicReference<>(Instant.MIN);
    private final AtomicReference<Instant> talliesSwept = new AtomicReference<>(Instant.MIN);

    public PostgresAbuseCounts(DataSource dataSource) {
        this.database = new Database(dataSource);
    }

    @Override
    public Optional<Duration> admit(String key, Instant now, int limit, Duration window) {
        byte[] digest = digest(key);
        Instant since = now.minus(window);
        if (due(eventsSwept, now)) {
            database.inTransaction(c -> Database.execute(c, "DELETE FROM abuse_events WHERE forget_at < ?", now));
        }
        return database.inTransaction(c -> {
            lock(c, lockKey(digest));
            Optional<Instant> full = Database.one(c, "SELECT min(at) AS oldest FROM (SELECT at FROM abuse_events"
                    + " WHERE key = ? AND at > ? ORDER BY at DESC LIMIT ?) recent HAVING count(*) >= ?",
                    row -> Database.instant(row, "oldest"), digest, since, limit, limit);
            if (full.isPresent()) {
                return Optional.of(Duration.between(since, full.get()));
            }
            Database.execute(c, "INSERT INTO abuse_events (key, at, forget_at) VALUES (?, ?, ?)", digest, now,
                    now.plus(window));
            return Optional.<Duration>empty();
        });
    }

    @Override
    public <T> T updateTallies(List<String> keys, Instant forgetBefore, Function<Map<String, FailureTally>, T> change) {
        Map<String, byte[]> digests = new HashMap<>();
        keys.forEach(key -> digests.put(key, digest(key)));
        if (due(talliesSwept, forgetBefore)) {
            database.inTransaction(c -> Database.execute(c, "DELETE FROM abuse_tallies WHERE last < ?", forgetBefore));
        }
        return database.inTransaction(c -> {
            Integer[] locks = digests.values().stream().map(PostgresAbuseCounts::lockKey).sorted().distinct()
                    .toArray(Integer[]::new);
            Database.list(c, "SELECT pg_advisory_xact_lock(?, k) FROM unnest(?) AS k", row -> true, LOCK_CLASS,
                    c.createArrayOf("integer", locks));
            Map<String, String> keyOfDigest = new HashMap<>();
            digests.forEach((key, digest) -> keyOfDigest.put(HEX.formatHex(digest), key));
            Map<String, FailureTally> tallies = new HashMap<>();
            Database.list(c, "SELECT key, count, last, blocked_until FROM abuse_tallies WHERE key = ANY(?)"
                    + " AND last >= ?", row -> tallies.put(keyOfDigest.get(HEX.formatHex(row.getBytes("key"))),
                            new FailureTally(row.getInt("count"), Database.instant(row, "last"),
                                    Database.instant(row, "blocked_until"))),
                    c.createArrayOf("bytea", digests.values().toArray(new byte[0][])), forgetBefore);
            Map<String, FailureTally> before = Map.copyOf(tallies);
            T answer = change.apply(tallies);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM abuse_tallies WHERE key = ?");
                    PreparedStatement upsert = c.prepareStatement("INSERT INTO abuse_tallies (key, count, last,"
                            + " blocked_until) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET count = excluded.count,"
                            + " last = excluded.last, blocked_until = excluded.blocked_until")) {
                for (String key : keys) {
                    FailureTally kept = tallies.get(key);
                    if (kept == null && before.containsKey(key)) {
                        Database.bindAll(delete, digests.get(key));
                        delete.addBatch();
                    } else if (kept != null && !kept.equals(before.get(key))) {
                        Database.bindAll(upsert, digests.get(key), kept.count(), kept.last(),
                                Database.orNull(kept.blockedUntil()));
                        upsert.addBatch();
                    }
                }
                delete.executeBatch();
                upsert.executeBatch();
            }
            return answer;
        });
    }

    /** Whether this server has not swept for a minute before {@code now}; if so, it is taken as sweeping now. */
    private static boolean due(AtomicReference<Instant> swept, Instant now) {
        Instant last = swept.get();
        return !last.plus(SWEEP_EVERY).isAfter(now) && swept.compareAndSet(last, now);
    }

    private static void lock(Connection c, int key) throws SQLException {
        Database.one(c, "SELECT pg_advisory_xact_lock(?, ?)", row -> true, LOCK_CLASS, key);
    }

    private static int lockKey(byte[] digest) {
        return ByteBuffer.wrap(digest).getInt();
    }

    static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
