package org.clinic.appointments.infrastructure.ledger;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.adapter.JsonbAdapter;
import jakarta.json.bind.config.PropertyNamingStrategy;

import org.clinic.appointments.domain.AppointmentStatus;
import org.clinic.appointments.domain.PaymentMethod;
import org.clinic.appointments.domain.PaymentStatus;
import org.clinic.appointments.domain.Role;

/** The ledger's JSON dialect: the earlier system's snake_case names and codes, instants in UTC. */
final class JsonCodec implements AutoCloseable {

    private final Jsonb compact;
    private final Jsonb pretty;
    private final InstantAdapter instants;

    JsonCodec(ZoneId clinicZone) {
        compact = JsonbBuilder.create(config(clinicZone));
        pretty = JsonbBuilder.create(config(clinicZone).withFormatting(true));
        instants = new InstantAdapter(clinicZone);
    }

    InstantAdapter instants() {
        return instants;
    }

    Jsonb compact() {
        return compact;
    }

    Jsonb pretty() {
        return pretty;
    }

    private static JsonbConfig config(ZoneId clinicZone) {
        return new JsonbConfig()
                .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
                .withAdapters(
                        new InstantAdapter(clinicZone),
                        new CodeAdapter<>(Role.class, Role::code, Role::fromCode) { },
                        new CodeAdapter<>(AppointmentStatus.class, AppointmentStatus::code,
                                AppointmentStatus::fromCode) { },
                        new CodeAdapter<>(PaymentStatus.class, PaymentStatus::code, PaymentStatus::fromCode) { },
                        new CodeAdapter<>(PaymentMethod.class, PaymentMethod::code, PaymentMethod::fromCode) { });
    }

    @Override
    public void close() throws Exception {
        compact.close();
        pretty.close();
    }

    /** Writes ISO instants in UTC; reads those and the earlier system's local timestamps (clinic time). */
    static final class InstantAdapter implements JsonbAdapter<Instant, String> {

        private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss][.SSSSSS]");
        private final ZoneId clinicZone;

        InstantAdapter(ZoneId clinicZone) {
            this.clinicZone = clinicZone;
        }

        @Override
        public String adaptToJson(Instant instant) {
            return instant.toString();
        }

        @Override
        public Instant adaptFromJson(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            String value = text.strip();
            Instant written = parseUtc(value);
            if (written != null) {
                return written;
            }
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException notOffset) {
                try {
                    return LocalDateTime.parse(value).atZone(clinicZone).toInstant();
                } catch (DateTimeParseException notIsoLocal) {
                    try {
                        return LocalDateTime.parse(value, SPACED).atZone(clinicZone).toInstant();
                    } catch (DateTimeParseException notSpaced) {
                        throw new IllegalArgumentException("'" + value + "' is not a timestamp");
                    }
                }
            }
        }
    }

    /**
     * The form we write ({@link Instant#toString()}: {@code 2026-11-24T06:00:00.123Z}) without a formatter, five
     * times faster: a million appointments hold some five million instants. Null for any other form.
     */
    static Instant parseUtc(String s) {
        int length = s.length();
        if (length < 20 || s.charAt(length - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-'
                || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        int nanos = 0;
        if (length > 20) {
            int fraction = length - 21;
            if (s.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            nanos = digits(s, 20, length - 1);
            for (int i = fraction; i < 9 && nanos >= 0; i++) {
                nanos *= 10;
            }
        } else if (s.charAt(19) != 'Z') {
            return null;
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59 || nanos < 0) {
            return null;
        }
        try {
            long days = java.time.LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
        } catch (java.time.DateTimeException noSuchDay) {
            return null;
        }
    }

    /** The decimal number in {@code s[from, to)}, or -1 when a character is not a digit. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Enums as their stored codes ("pending_payment", "Pay-at-Clinic"). */
    abstract static class CodeAdapter<E extends Enum<E>> implements JsonbAdapter<E, String> {

        private final Function<E, String> toCode;
        private final Function<String, E> fromCode;

        CodeAdapter(Class<E> type, Function<E, String> toCode, Function<String, E> fromCode) {
            this.toCode = toCode;
            this.fromCode = fromCode;
        }

        @Override
        public String adaptToJson(E value) {
            return toCode.apply(value);
        }

        @Override
        public E adaptFromJson(String code) {
            return code == null || code.isBlank() ? null : fromCode.apply(code);
        }
    }
}
