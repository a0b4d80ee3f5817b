package org.clinic.appointments.infrastructure.ledger;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Rows of the appointment columns in ascending order, which is booking order: one doctor's day. A page that reads a
 * doctor's 30 days follows the rows straight to the records, with no id to look up per appointment. Not
 * thread-safe: written under the ledger's WRITE lock.
 */
final class RowList {

    private int[] rows;
    private int size;

    RowList() {
        this(4);
    }

    RowList(int capacity) {
        rows = new int[Math.max(1, capacity)];
    }

    /** Adds the row in its place; a row already listed stays listed once. */
    void add(int row) {
        int insertAt = size;
        if (size > 0 && rows[size - 1] >= row) {
            int at = Arrays.binarySearch(rows, 0, size, row);
            if (at >= 0) {
                return;
            }
            insertAt = -at - 1;
        }
        if (size == rows.length) {
            rows = Arrays.copyOf(rows, size * 2);
        }
        System.arraycopy(rows, insertAt, rows, insertAt + 1, size - insertAt);
        rows[insertAt] = row;
        size++;
    }

    void remove(int row) {
        int at = Arrays.binarySearch(rows, 0, size, row);
        if (at >= 0) {
            System.arraycopy(rows, at + 1, rows, at, size - at - 1);
            size--;
        }
    }

    int size() {
        return size;
    }

    int row(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return rows[index];
    }

    void forEach(IntConsumer action) {
        for (int i = 0; i < size; i++) {
            action.accept(rows[i]);
        }
    }
}
