package org.clinic.appointments.infrastructure.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** A doctor's day lists its rows once each, in ascending (booking) order, through adds in any order and removals. */
class RowListTest {

    @Test
    void listsEachRowOnceInAscendingOrderThroughAddsAndRemovals() {
        Random random = new Random(11);
        RowList list = new RowList(1);
        TreeSet<Integer> oracle = new TreeSet<>();
        for (int step = 0; step < 100_000; step++) {
            int row = random.nextInt(2_000);
            if (random.nextInt(3) < 2) {
                list.add(row);
                oracle.add(row);
            } else {
                list.remove(row);
                oracle.remove(row);
            }
            if (step % 5_000 == 0) {
                assertEquals(List.copyOf(oracle), rows(list));
            }
        }
        assertEquals(List.copyOf(oracle), rows(list));
    }

    @Test
    void aRowBookedLaterIsAppendedAndOneMovedInTakesItsPlace() {
        RowList day = new RowList();
        day.add(3);
        day.add(9);
        day.add(5);
        day.add(1);
        day.add(9);
        assertEquals(List.of(1, 3, 5, 9), rows(day));
        day.remove(4);
        day.remove(3);
        assertEquals(List.of(1, 5, 9), rows(day));
        assertEquals(3, day.size());
        assertThrows(IndexOutOfBoundsException.class, () -> day.row(3));
    }

    private static List<Integer> rows(RowList list) {
        List<Integer> rows = new ArrayList<>();
        list.forEach(rows::add);
        for (int i = 0; i < list.size(); i++) {
            assertEquals(rows.get(i), list.row(i));
        }
        return rows;
    }
}
