package org.clinic.appointments.infrastructure.ledger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Picks rows {@code first … first+size} in a given order from a stream of {@code total} rows while keeping at
 * most about that many in memory: the smallest from the front for early pages, the largest from the back for
 * late ones.
 */
final class TopK {

    private TopK() {
    }

    static <T> List<T> page(int total, Comparator<T> order, int first, int size, Consumer<Consumer<T>> rows) {
        if (size <= 0 || first < 0 || first >= total) {
            return List.of();
        }
        int end = Math.min(total, first + size);
        boolean fromFront = end <= total - first;
        int keep = fromFront ? end : total - first;
        List<T> kept = best(fromFront ? order.reversed() : order, keep, rows);
        kept.sort(order);
        return fromFront ? List.copyOf(kept.subList(first, end)) : List.copyOf(kept.subList(0, end - first));
    }

    /** Rows {@code first … first+size} of a stream of unknown length: one pass, keeping at most first+size rows. */
    static <T> List<T> front(Comparator<T> order, int first, int size, Consumer<Consumer<T>> rows) {
        List<T> kept = best(order.reversed(), first + size, rows);
        kept.sort(order);
        return kept.size() <= first ? List.of() : List.copyOf(kept.subList(first, kept.size()));
    }

    /** The {@code keep} rows that {@code heapOrder} ranks highest, in no particular order. */
    private static <T> List<T> best(Comparator<T> heapOrder, int keep, Consumer<Consumer<T>> rows) {
        PriorityQueue<T> heap = new PriorityQueue<>(Math.min(keep, 1 << 16) + 1, heapOrder);
        rows.accept(row -> {
            if (heap.size() < keep) {
                heap.add(row);
            } else if (heapOrder.compare(row, heap.peek()) > 0) {
                heap.poll();
                heap.add(row);
            }
        });
        return new ArrayList<>(heap);
    }
}
