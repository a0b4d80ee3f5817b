package org.clinic.appointments.infrastructure.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The settings as the deployment reads them: each documented default is accepted, and a value that makes no sense
 * is refused with a message naming its key, instead of being used, clamped or ignored without a word.
 */
class AppConfigTest {

    private final Map<String, String> optional = new HashMap<>();

    /** The settings with their documented defaults (those of the annotations), then the given values. */
    private AppConfig settings(String key, String value) throws ReflectiveOperationException {
        AppConfig config = new AppConfig();
        config.config = (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[] {Config.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getOptionalValue")) {
                        return Optional.ofNullable(optional.get((String) args[0]));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        boolean found = key == null;
        for (Field field : AppConfig.class.getDeclaredFields()) {
            ConfigProperty property = field.getAnnotation(ConfigProperty.class);
            if (property == null) {
                continue;
            }
            boolean given = property.name().equals(key);
            found |= given;
            String text = given ? value : property.defaultValue();
            field.set(config, convert(field, text.equals(ConfigProperty.UNCONFIGURED_VALUE) ? null : text));
        }
        if (!found) {
            optional.put(key, value);
        }
        return config;
    }

    private static Object convert(Field field, String text) {
        Class<?> type = field.getType();
        if (type == Optional.class) {
            return Optional.ofNullable(text);
        } else if (type == List.class) {
            return Arrays.asList(text.split(","));
        } else if (type == int.class) {
            return Integer.parseInt(text);
        } else if (type == long.class) {
            return Long.parseLong(text);
        } else if (type == double.class) {
            return Double.parseDouble(text);
        } else if (type == boolean.class) {
            return Boolean.parseBoolean(text);
        } else if (type == BigDecimal.class) {
            return new BigDecimal(text);
        }
        return text;
    }

    @Test
    void theDocumentedDefaultsAreAccepted() throws ReflectiveOperationException {
        AppConfig defaults = settings(null, null);
        assertDoesNotThrow(defaults::checkAll);
        assertEquals(Optional.empty(), defaults.publicUrl());
        assertEquals(24, defaults.lineLimit());
    }

    @Test
    void theAdminCodeIsCountedInCharactersNotUtf16Units() throws ReflectiveOperationException {
        String eightKeys = "\uD83D\uDD11".repeat(8);
        AppConfig tooShort = settings(AppConfig.ADMIN_CODE, eightKeys);
        assertTrue(tooShort.adminCodeTooShort());
        assertEquals(Optional.empty(), tooShort.adminCode());
        optional.clear();
        AppConfig longEnough = settings(AppConfig.ADMIN_CODE, eightKeys.repeat(2));
        assertEquals(Optional.of(eightKeys.repeat(2)), longEnough.adminCode());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "appointments.time-zone | Asia/Calcutta/Old",
        "appointments.time-zone | IST",
        "appointments.booking-horizon-days | 0",
        "appointments.hold-expiry | PT0S",
        "appointments.hold-expiry | 15 minutes",
        "appointments.cancel-cutoff | -PT1H",
        "appointments.slot-times | 25:00",
        "appointments.working-days | MONDAY TUESDAY",
        "appointments.max-open-holds | 0",
        "appointments.max-active-bookings | 0",
        "appointments.change-window | PT0S",
        "appointments.hold-sweep-seconds | 0",
        "appointments.reversal-retry-minutes | 0",
        "appointments.visit-length | -PT30M",
        "appointments.consultation-fee | -500",
        "appointments.payment-success-rate | 1.5",
        "appointments.payment-success-rate | NaN",
        "appointments.min-free-disk-bytes | -1",
        "appointments.journal-compact-bytes | 0",
        "appointments.max-request-bytes | 100",
        "appointments.max-concurrent-hashing | 0",
        "appointments.max-registrations-per-address | 0",
        "appointments.registration-window | PT0S",
        "appointments.invitation-expiry | -PT72H",
        "appointments.password-hash-iterations | 1000",
        "appointments.reminders | PT24H;-PT2H",
        "appointments.reset-expiry | PT0S",
        "appointments.verify-expiry | P-2D",
        "appointments.public-url | clinic.example.org",
        "appointments.public-url | ftp://clinic.example.org/",
        "appointments.public-url | https:///app",
        "appointments.public-url | https://clinic.example.org/?next=evil",
        "appointments.public-url | https://клиника.рф/",
        "appointments.public-url | https://clinic\u200B.example.org/",
        "appointments.waitlist-offer | PT0S",
        "appointments.session-timeout | PT0S",
        "appointments.session-timeout | PT12H1S",
        "appointments.line-limit | -1",
        "appointments.line-refresh-seconds | 0",
        "appointments.warm-up-seconds | -1",
        "appointments.warm-up-url | 127.0.0.1:8080",
        "appointments.warm-up-url | http://127.0.0.1:8080/?page=1",
        "appointments.mail-send-seconds | 0",
        "appointments.mail-max-attempts | 0",
        "appointments.mail-retry-after | -PT1M",
        "appointments.device-key | short-key",
        "appointments.export-max-rows | -1",
        "appointments.export-max-document-rows | -1",
        "appointments.store | postgres",
    })
    void aValueThatMakesNoSenseIsRefusedNamingItsKey(String key, String value) throws ReflectiveOperationException {
        AppConfig config = settings(key, value.replace(';', ','));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, config::checkAll);
        String message = refused.getMessage();
        assertTrue(message.contains(key) || key.equals("appointments.store") && message.contains("[json, postgresql]"),
                "the message names " + key + ": " + message);
    }

    @Test
    void theEdgesOfEachRangeAreAccepted() throws ReflectiveOperationException {
        String[][] edges = {
            {"appointments.line-limit", "0"}, {"appointments.export-max-rows", "0"},
            {"appointments.min-free-disk-bytes", "0"}, {"appointments.payment-success-rate", "0"},
            {"appointments.payment-success-rate", "1"}, {"appointments.consultation-fee", "0"},
            {"appointments.password-hash-iterations", "1024"}, {"appointments.max-request-bytes", "16384"},
            {"appointments.cancel-cutoff", "PT0S"},
            {"appointments.session-timeout", "PT12H"}, {"appointments.session-timeout", "PT1S"}, {"appointments.time-zone", " Europe/Berlin "},
            {"appointments.public-url", "http://10.0.0.11:8080/appointments"},
            {"appointments.public-url", "https://xn--80aalwqglfe.xn--p1ai/"},
        };
        for (String[] edge : edges) {
            AppConfig config = settings(edge[0], edge[1]);
            assertDoesNotThrow(config::checkAll, edge[0] + "=" + edge[1]);
        }
        assertEquals(Optional.of("http://10.0.0.11:8080/appointments/"),
                settings("appointments.public-url", " http://10.0.0.11:8080/appointments ").publicUrl());
    }

    @Test
    void theWarmUpFindsTheServerAtWildFlysBoundAddressHttpPortAndPortOffsetUnlessToldWhere()
            throws ReflectiveOperationException {
        assertEquals(60, settings(null, null).warmUpSeconds());
        assertEquals("http://127.0.0.1:8080", settings(null, null).warmUpUrl());
        assertEquals("http://127.0.0.1:8080", settings("jboss.bind.address", "0.0.0.0").warmUpUrl());
        assertEquals("http://10.0.0.11:8080", settings("jboss.bind.address", "10.0.0.11").warmUpUrl());
        assertEquals("http://[fd00::11]:8080", settings("jboss.bind.address", "fd00::11").warmUpUrl());
        AppConfig offset = settings("jboss.socket.binding.port-offset", "500");
        assertEquals("http://127.0.0.1:8580", offset.warmUpUrl());
        assertEquals("http://127.0.0.1:8081", settings("jboss.http.port", "8081").warmUpUrl());
        assertEquals("https://clinic.internal:8443",
                settings("appointments.warm-up-url", " https://clinic.internal:8443/ ").warmUpUrl());
    }
}
