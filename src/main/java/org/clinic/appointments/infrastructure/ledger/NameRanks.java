package org.clinic.appointments.infrastructure.ledger;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

import org.clinic.appointments.domain.Appointment;

/**
 * Each name's place in case-insensitive order, as a number per row. Places are spread out, so a name first
 * seen after the column was built gets a number between its neighbours at once; only when no number is left
 * between them is the column built again (a full sort of every row's name). Changed only by writers (under
 * the ledger's WRITE lock, or while it loads); sorting reads it and never builds it.
 */
final class NameRanks {
    private static final Comparator<String> ORDER =
            Comparator.comparing((String n) -> n, String.CASE_INSENSITIVE_ORDER).thenComparing(n -> n);
    private final java.util.function.Function<Appointment, String> field;
    private java.util.TreeMap<String, Integer> ranks = new java.util.TreeMap<>(ORDER);
    private int[] column = new int[0];
    private boolean dirty = true;

    NameRanks(java.util.function.Function<Appointment, String> field) {
        this.field = field;
    }

    void put(int row, Appointment a, Appointment[] rows, int size) {
        if (dirty) {
            return;
        }
        String name = AppointmentColumns.nullToEmpty(field.apply(a));
        Integer rank = ranks.get(name);
        if (rank == null) {
            rank = placeNewName(name);
        }
        if (rank == null) {
            rebuild(rows, size);
            return;
        }
        if (row >= column.length) {
            column = Arrays.copyOf(column, rows.length);
        }
        column[row] = rank;
    }

    /** The rank of a name equal but for case, or a free number between the neighbours; null if none is free. */
    private Integer placeNewName(String name) {
        Map.Entry<String, Integer> lower = ranks.lowerEntry(name);
        Map.Entry<String, Integer> higher = ranks.higherEntry(name);
        Integer rank = null;
        if (lower != null && lower.getKey().equalsIgnoreCase(name)) {
            rank = lower.getValue();
        } else if (higher != null && higher.getKey().equalsIgnoreCase(name)) {
            rank = higher.getValue();
        } else {
            long low = lower == null ? 0 : lower.getValue();
            long high = higher == null ? (long) Integer.MAX_VALUE : higher.getValue();
            if (high - low >= 2) {
                rank = (int) (low + (high - low) / 2);
            }
        }
        if (rank != null) {
            ranks.put(name, rank);
        }
        return rank;
    }

    /** The rank of every row; built once the ledger has loaded. */
    int[] column() {
        if (dirty) {
            throw new IllegalStateException("The name order is built when the ledger has loaded");
        }
        return column;
    }

    void rebuild(Appointment[] rows, int size) {
        Map<String, Integer> placeOf = new HashMap<>();
        for (int row = 0; row < size; row++) {
            placeOf.putIfAbsent(AppointmentColumns.nullToEmpty(field.apply(rows[row])), 0);
        }
        String[] names = placeOf.keySet().toArray(String[]::new);
        Arrays.sort(names, ORDER);
        long gap = Math.max(1, Math.min(1 << 16, (Integer.MAX_VALUE / 2) / (names.length + 1L)));
        java.util.TreeMap<String, Integer> fresh = new java.util.TreeMap<>(ORDER);
        long place = 0;
        String previous = null;
        for (String n : names) {
            if (previous == null || !previous.equalsIgnoreCase(n)) {
                place += gap;
            }
            placeOf.put(n, (int) place);
            fresh.put(n, (int) place);
            previous = n;
        }
        int[] fill = new int[rows.length];
        for (int row = 0; row < size; row++) {
            fill[row] = placeOf.get(AppointmentColumns.nullToEmpty(field.apply(rows[row])));
        }
        ranks = fresh;
        column = fill;
        dirty = false;
    }
}
