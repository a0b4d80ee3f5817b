package org.clinic.appointments.infrastructure.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The rows of ids and transaction numbers answer as a map does, through growth, collisions and removals. */
class RowTableTest {

    @Test
    void answersAsAMapThroughPutsRemovalsAndGrowth() {
        Random random = new Random(42);
        RowTable table = new RowTable(4);
        Map<String, Integer> oracle = new HashMap<>();
        for (int step = 0; step < 200_000; step++) {
            String key = key(random.nextInt(5_000));
            int row = random.nextInt(1_000);
            switch (random.nextInt(3)) {
                case 0, 1 -> {
                    table.put(key, row);
                    oracle.put(key, row);
                }
                default -> {
                    Integer current = oracle.get(key);
                    int named = current != null && random.nextBoolean() ? current : row;
                    table.remove(key, named);
                    oracle.remove(key, named);
                }
            }
            if (step % 10_000 == 0) {
                assertSame(oracle, table);
            }
        }
        assertSame(oracle, table);
    }

    /** "Aa" and "BB" share a hash code, so these keys collide in every table size and probe past each other. */
    private static String key(int n) {
        StringBuilder key = new StringBuilder();
        for (int bit = 0; bit < 13; bit++) {
            key.append((n >> bit & 1) == 0 ? "Aa" : "BB");
        }
        return n % 2 == 0 ? key.toString() : "id-" + n;
    }

    private static void assertSame(Map<String, Integer> oracle, RowTable table) {
        assertEquals(oracle.size(), table.size());
        for (int n = 0; n < 5_000; n++) {
            String key = key(n);
            assertEquals(oracle.getOrDefault(key, RowTable.ABSENT), table.get(key), key);
        }
        assertEquals(RowTable.ABSENT, table.get(null));
    }
}
