package org.clinic.appointments.infrastructure.ledger;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.clinic.appointments.domain.SlotKey;

/**
 * Which row owns each slot. A slot of the usual form (a time written {@code hh:mm AM} or {@code HH:mm}, a date within
 * some 90,000 years of 1970) is packed into one {@code long}: doctor number, day and time, in two arrays (open
 * addressing with linear probing), so a million slots are no million {@link SlotKey}s and map entries to allocate at
 * start-up and for the collector to copy. Any other slot is kept by its {@link SlotKey}. Not thread-safe: written under
 * the ledger's WRITE lock; reads change nothing.
 */
final class SlotTable {

    static final int ABSENT = -1;
    private static final long EMPTY = 0;
    private static final int TWENTY_FOUR_HOURS = 24 * 60;
    /** Twice the minutes of a day: the clinic's way of writing a time, and {@code HH:mm}. */
    private static final int MINUTE_BITS = 12;
    private static final int DAY_BITS = 26;
    private static final long DAY_BIAS = 1L << (DAY_BITS - 1);

    private final Map<String, Integer> doctorNumbers = new HashMap<>();
    private final Map<SlotKey, Integer> unusual = new HashMap<>();
    private long[] keys;
    private int[] rows;
    private int size;

    SlotTable(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        rows = new int[capacity];
    }

    int size() {
        return size + unusual.size();
    }

    /** The row that owns the slot, or {@link #ABSENT}. */
    int get(SlotKey slot) {
        long key = packed(slot, false);
        if (key == EMPTY) {
            return unusual.getOrDefault(slot, ABSENT);
        }
        int at = place(key);
        return keys[at] == EMPTY ? ABSENT : rows[at];
    }

    void put(SlotKey slot, int row) {
        if (row < 0) {
            throw new IllegalArgumentException("row " + row);
        }
        long key = packed(slot, true);
        if (key == EMPTY) {
            unusual.put(slot, row);
            return;
        }
        int at = place(key);
        rows[at] = row;
        if (keys[at] == EMPTY) {
            keys[at] = key;
            if (++size * 2 > keys.length) {
                grow();
            }
        }
    }

    /** Lets go of the slot when this row owns it. */
    void remove(SlotKey slot, int row) {
        long key = packed(slot, false);
        if (key == EMPTY) {
            unusual.remove(slot, row);
            return;
        }
        int at = place(key);
        if (keys[at] == EMPTY || rows[at] != row) {
            return;
        }
        size--;
        int mask = keys.length - 1;
        // Shifts back the keys after it that probed past this place, so every key stays reachable from its home.
        int hole = at;
        for (int next = (hole + 1) & mask; keys[next] != EMPTY; next = (next + 1) & mask) {
            if (((next - home(keys[next], mask)) & mask) >= ((next - hole) & mask)) {
                keys[hole] = keys[next];
                rows[hole] = rows[next];
                hole = next;
            }
        }
        keys[hole] = EMPTY;
    }

    /** Where the key is, or the empty place where it would go. */
    private int place(long key) {
        int mask = keys.length - 1;
        int at = home(key, mask);
        while (keys[at] != EMPTY && keys[at] != key) {
            at = (at + 1) & mask;
        }
        return at;
    }

    /**
     * The slot as doctor number (from 1), day and minute in one number, or {@link #EMPTY} when it has no such form
     * (or, unless {@code numberNewDoctor}, when its doctor has no number yet: then no slot of theirs is stored here).
     */
    private long packed(SlotKey slot, boolean numberNewDoctor) {
        int minute = minuteOf(slot.time());
        long day = slot.date().toEpochDay() + DAY_BIAS;
        if (minute < 0 || day < 0 || day >= 1L << DAY_BITS) {
            return EMPTY;
        }
        Integer doctor = numberNewDoctor ? doctorNumbers.computeIfAbsent(slot.doctorId(), k -> doctorNumbers.size() + 1)
                : doctorNumbers.get(slot.doctorId());
        if (doctor == null) {
            return EMPTY;
        }
        return ((long) doctor << (DAY_BITS + MINUTE_BITS)) | (day << MINUTE_BITS) | minute;
    }

    /**
     * The time as a number of its own: the minute of the day for a time written as the clinic writes it,
     * {@code hh:mm AM} or {@code hh:mm PM}, that minute plus {@link #TWENTY_FOUR_HOURS} for one written {@code HH:mm},
     * else -1. Each number has one text, so two slots with one number are the same slot.
     */
    static int minuteOf(String time) {
        if (time.length() == 8 && time.charAt(2) == ':' && time.charAt(5) == ' ' && time.charAt(7) == 'M'
                && (time.charAt(6) == 'A' || time.charAt(6) == 'P')) {
            int hours = digits(time.charAt(0), time.charAt(1));
            int minutes = digits(time.charAt(3), time.charAt(4));
            return hours < 1 || hours > 12 || minutes < 0 || minutes > 59 ? -1
                    : (hours % 12) * 60 + minutes + (time.charAt(6) == 'P' ? 12 * 60 : 0);
        }
        if (time.length() == 5 && time.charAt(2) == ':') {
            int hours = digits(time.charAt(0), time.charAt(1));
            int minutes = digits(time.charAt(3), time.charAt(4));
            return hours < 0 || hours > 23 || minutes < 0 || minutes > 59 ? -1
                    : TWENTY_FOUR_HOURS + hours * 60 + minutes;
        }
        return -1;
    }

    private static int digits(char tens, char units) {
        return tens < '0' || tens > '9' || units < '0' || units > '9' ? -1 : (tens - '0') * 10 + (units - '0');
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldRows = rows;
        keys = new long[oldKeys.length * 2];
        rows = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int at = home(oldKeys[i], mask);
                while (keys[at] != EMPTY) {
                    at = (at + 1) & mask;
                }
                keys[at] = oldKeys[i];
                rows[at] = oldRows[i];
            }
        }
    }

    private static int home(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & mask;
    }
}
