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

    JsonCodec(ZoneId clinicZone) {
        compact = JsonbBuilder.create(config(clinicZone));
        pretty = JsonbBuilder.create(config(clinicZone).withFormatting(true));
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
