package org.clinic.appointments.infrastructure.ledger;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.AuditEntry;
import org.clinic.appointments.domain.AuditQuery;
import org.clinic.appointments.domain.HistoryEntry;
import org.clinic.appointments.domain.Page;

/**
 * Every history entry of every appointment as one row of compact columns (when, who, what), so the audit
 * trail filters and orders millions of changes without reading them. Histories only grow: a stored change
 * adds the entries after those already known.
 */
final class AuditColumns {

    private final AppointmentColumns appointments;
    /** As many actors as patients, so in two arrays: a hash map's entries and boxed numbers miss the cache. */
    private final RowTable actorNumbers = new RowTable(1024);
    private final Map<String, Integer> actionNumbers = new HashMap<>();
    private int[] appointmentRow = new int[1024];
    private int[] entryIndex = new int[1024];
    private long[] atMillis = new long[1024];
    private int[] actor = new int[1024];
    private int[] action = new int[1024];
    private int size;

    AuditColumns(AppointmentColumns appointments) {
        this.appointments = appointments;
    }

    /** Adds the entries of the stored appointment that {@code previous} did not have yet. */
    void put(int row, Appointment previous, Appointment stored) {
        List<HistoryEntry> history = stored.getHistory();
        int known = previous == null ? 0 : Math.min(previous.getHistory().size(), history.size());
        for (int i = known; i < history.size(); i++) {
            HistoryEntry entry = history.get(i);
            if (size == atMillis.length) {
                grow();
            }
            appointmentRow[size] = row;
            entryIndex[size] = i;
            atMillis[size] = entry.getAt() == null ? Long.MIN_VALUE : entry.getAt().toEpochMilli();
            actor[size] = actorNumber(entry.getActor());
            action[size] = number(actionNumbers, entry.getAction());
            size++;
        }
    }

    private int actorNumber(String value) {
        String key = value == null ? "" : value;
        int number = actorNumbers.get(key);
        if (number == RowTable.ABSENT) {
            number = actorNumbers.size();
            actorNumbers.put(key, number);
        }
        return number;
    }

    private static int number(Map<String, Integer> numbers, String value) {
        return numbers.computeIfAbsent(value == null ? "" : value, k -> numbers.size());
    }

    private void grow() {
        resize(atMillis.length + (atMillis.length >> 1));
    }

    /** Leaves room for an eighth more entries than now: called once the ledger is loaded. */
    void fitToSize() {
        resize(size + (size >> 3) + 1024);
    }

    private void resize(int capacity) {
        appointmentRow = Arrays.copyOf(appointmentRow, capacity);
        entryIndex = Arrays.copyOf(entryIndex, capacity);
        atMillis = Arrays.copyOf(atMillis, capacity);
        actor = Arrays.copyOf(actor, capacity);
        action = Arrays.copyOf(action, capacity);
    }

    /** One page of the entries that match, newest first. */
    Page<AuditEntry> page(AuditQuery query, int first, int pageSize) {
        int actorNumber = query.actor() == null ? RowTable.ABSENT : actorNumbers.get(query.actor());
        Integer wantedActor = actorNumber == RowTable.ABSENT ? null : actorNumber;
        Integer wantedAction = query.action() == null ? null : actionNumbers.get(query.action());
        if ((query.actor() != null && wantedActor == null) || (query.action() != null && wantedAction == null)) {
            return new Page<>(List.of(), 0);
        }
        long from = millis(query.from(), Long.MIN_VALUE);
        long until = millis(query.until(), Long.MAX_VALUE);
        IntConsumer[] sinkHolder = new IntConsumer[1];
        Runnable scan = () -> {
            for (int i = 0; i < size; i++) {
                if ((wantedActor == null || actor[i] == wantedActor) && (wantedAction == null || action[i] == wantedAction)
                        && atMillis[i] >= from && atMillis[i] < until) {
                    sinkHolder[0].accept(i);
                }
            }
        };
        int[] total = {0};
        sinkHolder[0] = i -> total[0]++;
        scan.run();
        Comparator<Integer> newestFirst = ((Comparator<Integer>) (x, y) -> Long.compare(atMillis[x], atMillis[y]))
                .thenComparing(x -> appointments.row(appointmentRow[x]).getId())
                .thenComparingInt(x -> entryIndex[x])
                .reversed();
        List<Integer> rows = TopK.page(total[0], newestFirst, first, pageSize, sink -> {
            sinkHolder[0] = sink::accept;
            scan.run();
        });
        return new Page<>(rows.stream().map(this::entry).toList(), total[0]);
    }

    private AuditEntry entry(int i) {
        Appointment a = appointments.row(appointmentRow[i]);
        HistoryEntry change = a.getHistory().get(entryIndex[i]);
        HistoryEntry copy = new HistoryEntry(change.getAt(), change.getActor(), change.getAction(), change.getFromStatus(),
                change.getToStatus(), change.getFromPayment(), change.getToPayment(), change.getNote());
        return new AuditEntry(a.getId(), a.getUserName(), a.getDoctorName(), a.getDate(), a.getTime(), copy);
    }

    private static long millis(Instant instant, long otherwise) {
        return instant == null ? otherwise : instant.toEpochMilli();
    }
}
