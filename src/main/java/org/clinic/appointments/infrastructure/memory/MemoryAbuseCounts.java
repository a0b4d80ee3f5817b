package org.clinic.appointments.infrastructure.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.clinic.appointments.domain.port.AbuseCounts;

/** The counts in this server's memory, for a clinic that runs one server; at most {@value #MAX_TRACKED} keys each. */
public final class MemoryAbuseCounts implements AbuseCounts {

    static final int MAX_TRACKED = 100_000;

    private final Map<String, Deque<Instant>> events = new HashMap<>();
    private final Map<String, FailureTally> tallies = new HashMap<>();
    /** The longest window any count was asked for: keys are forgotten only once past it. */
    private Duration longestWindow = Duration.ZERO;

    @Override
    public synchronized Optional<Duration> admit(String key, Instant now, int limit, Duration window) {
        Instant since = now.minus(window);
        if (window.compareTo(longestWindow) > 0) {
            longestWindow = window;
        }
        if (events.size() > MAX_TRACKED) {
            Instant forgettable = now.minus(longestWindow);
            events.values().removeIf(times -> !times.peekLast().isAfter(forgettable));
        }
        Deque<Instant> times = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
            times.pollFirst();
        }
        if (times.size() >= limit) {
            Instant leaving = times.stream().skip(times.size() - (long) limit).findFirst().orElseThrow();
            return Optional.of(Duration.between(since, leaving));
        }
        times.addLast(now);
        return Optional.empty();
    }

    @Override
    public synchronized <T> T updateTallies(List<String> keys, Instant forgetBefore,
            Function<Map<String, FailureTally>, T> change) {
        if (tallies.size() > MAX_TRACKED) {
            tallies.values().removeIf(tally -> tally.last().isBefore(forgetBefore));
        }
        Map<String, FailureTally> these = new HashMap<>();
        for (String key : keys) {
            FailureTally tally = tallies.get(key);
            if (tally != null && !tally.last().isBefore(forgetBefore)) {
                these.put(key, tally);
            } else {
                tallies.remove(key);
            }
        }
        T answer = change.apply(these);
        for (String key : keys) {
            FailureTally kept = these.get(key);
            if (kept == null) {
                tallies.remove(key);
            } else {
                tallies.put(key, kept);
            }
        }
        return answer;
    }
}
