package org.clinic.appointments.infrastructure.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/** Reads and checks one setting's value; a value that makes no sense is refused with a message naming its key. */
final class SettingValues {

    private SettingValues() {
    }

    static void checkWebAddress(String key, String url) {
        URI parsed;
        try {
            parsed = new URI(url);
        } catch (URISyntaxException e) {
            parsed = null;
        }
        if (parsed == null || !("https".equals(parsed.getScheme()) || "http".equals(parsed.getScheme()))
                || parsed.getHost() == null || parsed.getQuery() != null || parsed.getFragment() != null) {
            throw new IllegalArgumentException(key + " must be an address such as"
                    + " https://clinic.example.org/ (with http or https and a host; a host in another script in its"
                    + " ASCII form, xn--…), not '" + url + "'");
        }
    }

    static Duration positive(String key, String value) {
        Duration duration = duration(key, value);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(key + " must be a positive duration such as PT15M, not '" + value + "'");
        }
        return duration;
    }

    static int atLeast(String key, int least, int value) {
        return (int) atLeast(key, (long) least, value);
    }

    static long atLeast(String key, long least, long value) {
        if (value < least) {
            throw new IllegalArgumentException(key + " must be at least " + least + ", not " + value);
        }
        return value;
    }

    static Duration duration(String key, String value) {
        try {
            return Duration.parse(value.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + " must be an ISO-8601 duration such as PT15M, not '" + value + "'", e);
        }
    }
}
