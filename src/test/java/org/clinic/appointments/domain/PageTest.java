package org.clinic.appointments.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class PageTest {

    private static List<Integer> read(int rows, int size, List<Integer> asked) {
        List<Integer> all = IntStream.range(0, rows).boxed().toList();
        List<Integer> seen = new ArrayList<>();
        Page.forEachRow((first, max) -> {
            asked.add(first);
            return new Page<>(all.subList(Math.min(first, rows), Math.min(first + max, rows)), rows);
        }, size, seen::add);
        return seen;
    }

    @Test
    void everyRowIsReadOnceInOrderAPageAtATimeUntilAShortPage() {
        List<Integer> asked = new ArrayList<>();
        assertEquals(IntStream.range(0, 1000).boxed().toList(), read(1000, 500, asked));
        assertEquals(List.of(0, 500, 1000), asked, "a full last page is followed by an empty one");
        asked.clear();
        assertEquals(1001, read(1001, 500, asked).size());
        assertEquals(List.of(0, 500, 1000), asked);
        asked.clear();
        assertEquals(List.of(), read(0, 500, asked));
        assertEquals(List.of(0), asked);
    }
}
