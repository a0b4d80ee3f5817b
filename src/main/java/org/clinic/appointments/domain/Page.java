package org.clinic.appointments.domain;

import java.util.List;
import java.util.function.Consumer;

/** One page of a longer list, and how many there are in all. */
public record Page<T>(List<T> rows, int total) {

    /** Where pages of a list come from: the rows from {@code first}, at most {@code max} of them. */
    @FunctionalInterface
    public interface Source<T> {
        Page<T> page(int first, int max);
    }

    /** Hands every row of the list to {@code each}, reading it {@code size} rows at a time. */
    public static <T> void forEachRow(Source<T> source, int size, Consumer<T> each) {
        for (int first = 0;; first += size) {
            Page<T> page = source.page(first, size);
            page.rows().forEach(each);
            if (page.rows().size() < size) {
                return;
            }
        }
    }
}
