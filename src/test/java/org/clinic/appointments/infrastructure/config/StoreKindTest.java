package org.clinic.appointments.infrastructure.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code appointments.store}: the two stores by name, and any other value refused naming both. */
class StoreKindTest {

    @Test
    void theTwoStoresAreReadWhateverTheCaseAndSpaces() {
        assertEquals(StoreKind.JSON, StoreKind.fromCode("json"));
        assertEquals(StoreKind.POSTGRESQL, StoreKind.fromCode(" PostgreSQL "));
    }

    @Test
    void anyOtherValueIsRefusedWithTheChoices() {
        for (String wrong : new String[] {"", "mysql", "postgres", "json\u200B", "ｊｓｏｎ", null}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> StoreKind.fromCode(wrong));
            assertTrue(refused.getMessage().contains("[json, postgresql]"), refused.getMessage());
        }
    }
}
