package org.clinic.appointments.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * A line at the door of the booking flow for when the server is saturated: at most {@code limit} booking requests
 * are served at once, and people who arrive beyond that wait in arrival order, each with a ticket. A waiter is
 * let in when the requests in flight plus the waiters ahead of them leave room; a waiter who stops asking (closed
 * the page) leaves the line after {@code keepFor}, at most a quarter of it later. Held in memory only: a restart
 * empties it, and everyone simply asks again.
 */
final class FairLine {

    /** What a request is told: come in, or wait with this ticket at this place (1 = next). */
    sealed interface Answer permits Admitted, Waiting {
    }

    record Admitted() implements Answer {
    }

    record Waiting(long ticket, int place) implements Answer {
    }

    private final int limit;
    private final Duration keepFor;
    private final Clock clock;
    private final TreeMap<Long, Instant> waiting = new TreeMap<>();
    /** Tickets start anywhere, so one kept in a session from before a restart matches no one's of this line. */
    private long nextTicket = java.util.concurrent.ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
    private int inFlight;
    private Instant nextLook = Instant.MIN;

    FairLine(int limit, Duration keepFor, Clock clock) {
        if (limit < 1) {
            throw new IllegalArgumentException("The line needs room for at least one request");
        }
        this.limit = limit;
        this.keepFor = keepFor;
        this.clock = clock;
    }

    /**
     * A request arrives, with the ticket it was given earlier (or null). When admitted, the caller must call
     * {@link #done()} once the request is answered.
     */
    synchronized Answer arrive(Long ticket) {
        Instant now = clock.instant();
        dropThoseWhoLeft(now);
        Long held = ticket != null && waiting.containsKey(ticket) ? ticket : null;
        int ahead = held == null ? waiting.size() : waiting.headMap(held).size();
        if (inFlight + ahead < limit) {
            if (held != null) {
                waiting.remove(held);
            }
            inFlight++;
            return new Admitted();
        }
        long mine = held == null ? nextTicket++ : held;
        waiting.put(mine, now);
        return new Waiting(mine, ahead + 1);
    }

    /**
     * Where a waiter stands, without letting anyone in: their place (1 = next) while the room and the waiters ahead
     * of them fill the limit, or empty once their turn has come or the ticket is not (or no longer) in this line,
     * so that their next request {@link #arrive arrives}. Asking keeps the ticket in the line.
     */
    synchronized OptionalInt place(Long ticket) {
        Instant now = clock.instant();
        dropThoseWhoLeft(now);
        if (ticket == null || !waiting.containsKey(ticket)) {
            return OptionalInt.empty();
        }
        waiting.put(ticket, now);
        int ahead = waiting.headMap(ticket).size();
        return inFlight + ahead < limit ? OptionalInt.empty() : OptionalInt.of(ahead + 1);
    }

    /** A waiter who has nothing left to wait for leaves the line; those behind move up. */
    synchronized void leave(long ticket) {
        waiting.remove(ticket);
    }

    /** A request from inside the flow (a form of a page already open): served at once, counted in flight. */
    synchronized void enterInside() {
        inFlight++;
    }

    /** A request that was admitted (or entered inside) has been answered. */
    synchronized void done() {
        inFlight--;
    }

    synchronized int waiting() {
        return waiting.size();
    }

    /** Looks for those who left at most four times per {@code keepFor}: a look walks the whole line. */
    private void dropThoseWhoLeft(Instant now) {
        if (now.isBefore(nextLook)) {
            return;
        }
        nextLook = now.plus(keepFor.dividedBy(4));
        Instant cutoff = now.minus(keepFor);
        for (Iterator<Map.Entry<Long, Instant>> it = waiting.entrySet().iterator(); it.hasNext();) {
            if (it.next().getValue().isBefore(cutoff)) {
                it.remove();
            }
        }
    }
}
