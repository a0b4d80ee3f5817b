package org.clinic.appointments.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** Texts with a count or a day read as a person writes them: "1 appointment", "Tue 8 Dec 2026". */
class TextsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 8);

    private static String english(String key, Object... params) {
        return Texts.in(Locale.ENGLISH, key, params);
    }

    @Test
    void aCountOfOneIsSingularAndOtherCountsArePlural() {
        assertEquals("Leave on Tue 8 Dec 2026 set; 1 appointment cancelled and offered a new time.",
                english("schedule.leave.placed_day", DAY, 1));
        assertEquals("Leave from Tue 8 Dec 2026 to Wed 9 Dec 2026 set; 2 appointments cancelled and offered a new time.",
                english("schedule.leave.placed", DAY, DAY.plusDays(1), 2));
        assertEquals("Leave on Tue 8 Dec 2026 set; no booked appointment was affected.",
                english("schedule.leave.placed_day", DAY, 0));
        assertEquals("Asha is suspended; 1 unpaid hold released.", english("patients.suspended", "Asha", 1));
        assertEquals("Asha is suspended; 3 unpaid holds released.", english("patients.suspended", "Asha", 3L));
        assertEquals("You already have 1 booking on Tue 8 Dec 2026, the most one patient may hold on one day.",
                english("booking.limit.day", 1, DAY));
        assertEquals("This appointment has been moved once, the most allowed. Please cancel it and book again, or call the clinic.",
                english("appointment.reschedule.limit", 1));
        assertEquals("Too many failed attempts. Please wait 1 second and try again.", english("login.throttled", 1L));
        assertEquals("Too many failed attempts. Please wait 1,200 seconds and try again.", english("login.throttled", 1200L));
        assertEquals("Cardiology cannot be removed: 1 doctor has it.", english("specialization.in_use", "Cardiology", 1L));
        assertEquals("Not sent yet (2 attempts); next attempt 8 Dec", english("message.retrying", 2, "8 Dec"));
        assertEquals("You have made 1 change in the last minute. Please wait a few minutes before the next one.",
                english("account.changes.too_many", 1, 1L));
        assertEquals("This patient has 1 upcoming booking; patients booking themselves may have 4.", english("desk.limits", 1, 4));
        assertEquals("This patient has no upcoming bookings; patients booking themselves may have 4.", english("desk.limits", 0, 4));
        assertEquals("They had 1 upcoming booking with this doctor already, the most a patient may hold with one doctor.",
                english("desk.limit.doctor", 1));
        assertTrue(english("booking.holds.too_many", 1).startsWith("You already hold 1 unpaid slot."));
        assertTrue(english("line.text", 1).contains("every second and"));
    }

    @Test
    void everyTextIsAPatternTheFormatterReads() throws IOException {
        Properties texts = new Properties();
        try (var reader = Files.newBufferedReader(Path.of("src/main/resources/i18n/messages.properties"), StandardCharsets.UTF_8)) {
            texts.load(reader);
        }
        Map<String, String> unreadable = new TreeMap<>();
        for (String key : texts.stringPropertyNames()) {
            try {
                new MessageFormat(texts.getProperty(key), Locale.ENGLISH);
            } catch (IllegalArgumentException e) {
                unreadable.put(key, e.getMessage());
            }
        }
        assertEquals(Map.of(), unreadable);
    }
}
