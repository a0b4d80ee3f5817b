package org.clinic.appointments.infrastructure.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** {@code appointments.device-key}: absent or blank means none; a configured key too short to be safe is refused. */
class DeviceKeyTest {

    @Test
    void noKeyOrABlankOneMeansNone() {
        assertEquals(Optional.empty(), AppConfig.deviceKey(Optional.empty()));
        assertEquals(Optional.empty(), AppConfig.deviceKey(Optional.of("  ")));
    }

    @Test
    void aLongEnoughKeyIsUsedWithoutTheSpacesAroundIt() {
        String key = "k".repeat(AppConfig.MIN_DEVICE_KEY_LENGTH);
        assertEquals(Optional.of(key), AppConfig.deviceKey(Optional.of(" " + key + "\n")));
    }

    @Test
    void aShorterKeyIsRefusedNamingTheSettingButNotTheKey() {
        String shortKey = "secret-of-31-characters-0123456";
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> AppConfig.deviceKey(Optional.of(shortKey)));
        assertTrue(refused.getMessage().contains("appointments.device-key"), refused.getMessage());
        assertTrue(refused.getMessage().contains("at least 32 characters"), refused.getMessage());
        assertFalse(refused.getMessage().contains(shortKey), "the key itself is never in a message");
    }

    @Test
    void charactersAreCountedAsPeopleCountThemNotAsUtf16Units() {
        String sixteenEmoji = "\uD83D\uDD11".repeat(16);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> AppConfig.deviceKey(Optional.of(sixteenEmoji)));
        assertTrue(refused.getMessage().endsWith("not 16"), refused.getMessage());
        String thirtyTwoEmoji = sixteenEmoji.repeat(2);
        assertEquals(Optional.of(thirtyTwoEmoji), AppConfig.deviceKey(Optional.of(thirtyTwoEmoji)));
    }
}
