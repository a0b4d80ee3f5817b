package org.clinic.appointments.infrastructure.ledger;

/**
 * Text keys to rows in two arrays (open addressing with linear probing): unlike a {@code HashMap<String, Integer>},
 * no entry object and no boxed row per key, which at a million appointments is two million objects fewer to
 * allocate at start-up and for the collector to copy. Not thread-safe: written under the ledger's WRITE lock.
 */
final class RowTable {

    static final int ABSENT = -1;

    private String[] keys;
    private int[] rows;
    private int size;

    RowTable(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new String[capacity];
        rows = new int[capacity];
    }

    int size() {
        return size;
    }

    /** The key's row, or {@link #ABSENT}. */
    int get(String key) {
        if (key == null) {
            return ABSENT;
        }
        int mask = keys.length - 1;
        for (int slot = spread(key.hashCode()) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
            if (keys[slot].equals(key)) {
                return rows[slot];
            }
        }
        return ABSENT;
    }

    void put(String key, int row) {
        if (row < 0) {
            throw new IllegalArgumentException("row " + row);
        }
        int mask = keys.length - 1;
        int slot = spread(key.hashCode()) & mask;
        while (keys[slot] != null) {
            if (keys[slot].equals(key)) {
                rows[slot] = row;
                return;
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        rows[slot] = row;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    /** Removes the key when it names this row. */
    void remove(String key, int row) {
        int mask = keys.length - 1;
        int slot = spread(key.hashCode()) & mask;
        while (keys[slot] != null && !keys[slot].equals(key)) {
            slot = (slot + 1) & mask;
        }
        if (keys[slot] == null || rows[slot] != row) {
            return;
        }
        size--;
        // Shifts back the keys after it that probed past this slot, so every key stays reachable from its home.
        int hole = slot;
        for (int next = (hole + 1) & mask; keys[next] != null; next = (next + 1) & mask) {
            int home = spread(keys[next].hashCode()) & mask;
            if (((next - home) & mask) >= ((next - hole) & mask)) {
                keys[hole] = keys[next];
                rows[hole] = rows[next];
                hole = next;
            }
        }
        keys[hole] = null;
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldRows = rows;
        keys = new String[oldKeys.length * 2];
        rows = new int[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                put(oldKeys[i], oldRows[i]);
            }
        }
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
