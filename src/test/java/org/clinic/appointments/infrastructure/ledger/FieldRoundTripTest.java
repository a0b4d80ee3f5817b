package org.clinic.appointments.infrastructure.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.StringReader;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.DoctorChange;
import org.clinic.appointments.domain.HistoryEntry;
import org.clinic.appointments.domain.OutboxMessage;
import org.clinic.appointments.domain.User;
import org.junit.jupiter.api.Test;

/**
 * Every declared field of the stored records, each set to a value that is not its default, comes back equal
 * through a snapshot, through a journal line, and through {@code copy()}. A field added to a record and missed
 * by any of them fails here, naming the field.
 */
class FieldRoundTripTest {

    private final JsonCodec codec = new JsonCodec(ZoneId.of("Asia/Kolkata"));
    private final RecordMapper.Mappers mappers = RecordMapper.mappers(codec.instants());

    @Test
    void everyAppointmentFieldSurvivesASnapshotAJournalLineAndACopy() throws Exception {
        Appointment original = filled(Appointment.class, Appointment::new);
        assertEveryField(original, throughSnapshot(mappers.appointments(), original));
        JournalLines lines = new JournalLines(mappers, codec.instants());
        JournalEntry full = new JournalEntry(7, Instant.parse("2026-11-24T06:00:00Z"), "u1", "appointment.booked",
                null, original, null);
        Appointment fromLine = lines.decode(new String(lines.encode(full), StandardCharsets.UTF_8).strip()).appointment();
        assertEveryField(original, fromLine);
        assertEveryField(original, original.copy());
    }

    @Test
    void everyUserAndHistoryFieldSurvivesASnapshotAndACopy() throws Exception {
        User user = filled(User.class, User::new);
        assertEveryField(user, throughSnapshot(mappers.users(), user));
        assertEveryField(user, user.copy());
        HistoryEntry entry = filled(HistoryEntry.class, HistoryEntry::new);
        assertEveryField(entry, throughSnapshot(mappers.history(), entry));
    }

    @Test
    void everyDoctorFieldSurvivesASnapshotAJournalLineAndACopy() throws Exception {
        Doctor doctor = filled(Doctor.class, Doctor::new);
        assertEveryField(doctor, throughSnapshot(mappers.doctors(), doctor));
        JournalLines lines = new JournalLines(mappers, codec.instants());
        JournalEntry entry = JournalEntry.ofDoctor(8, Instant.parse("2026-11-24T06:00:00Z"), "u1", "doctor.edited", doctor);
        assertEveryField(doctor, lines.decode(new String(lines.encode(entry), StandardCharsets.UTF_8).strip()).doctor());
        assertEveryField(doctor, doctor.copy());
    }

    @Test
    void theMapperCoversEveryDeclaredField() {
        for (Class<?> type : List.of(Appointment.class, User.class, HistoryEntry.class, Doctor.class)) {
            Map<String, Field> mapped = type == Appointment.class ? mappers.appointments().fields()
                    : type == User.class ? mappers.users().fields()
                    : type == Doctor.class ? mappers.doctors().fields() : mappers.history().fields();
            assertEquals(instanceFields(type).size(), mapped.size(), type.getSimpleName() + ": " + mapped.keySet());
        }
    }

    private <T> T throughSnapshot(RecordMapper<T> mapper, T record) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = Json.createGenerator(text)) {
            out.writeStartArray();
            mapper.write(out, null, record, null);
            out.writeEnd();
        }
        try (JsonParser parser = Json.createParser(new StringReader(text.toString()))) {
            parser.next();
            parser.next();
            return mapper.read(parser);
        }
    }

    private static List<Field> instanceFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                field.setAccessible(true);
                fields.add(field);
            }
        }
        return fields;
    }

    private static void assertEveryField(Object expected, Object actual) throws IllegalAccessException {
        for (Field field : instanceFields(expected.getClass())) {
            assertNotNull(field.get(expected), field.getName() + " was filled");
            assertEquals(field.get(expected), field.get(actual), expected.getClass().getSimpleName() + "." + field.getName());
        }
    }

    /** The record with every field set to a value of its type that no default has. */
    private static <T> T filled(Class<T> type, Supplier<T> factory) throws IllegalAccessException {
        T record = factory.get();
        int n = 0;
        for (Field field : instanceFields(type)) {
            n++;
            field.set(record, sample(field, n));
        }
        return record;
    }

    private static Object sample(Field field, int n) throws IllegalAccessException {
        Class<?> type = field.getType();
        if (type == String.class) {
            return field.getName() + " value ✓ " + n;
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2026, 12, n % 28 + 1);
        }
        if (type == Instant.class) {
            return Instant.parse("2026-11-24T06:00:00.123456Z").plusSeconds(n);
        }
        if (type == BigDecimal.class) {
            return new BigDecimal("750.50");
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[constants.length - 1];
        }
        if (type == List.class && field.getGenericType() instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] == HistoryEntry.class) {
            return new ArrayList<>(List.of(filled(HistoryEntry.class, HistoryEntry::new)));
        }
        if (type == List.class && field.getGenericType() instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] == OutboxMessage.class) {
            return new ArrayList<>(List.of(filled(OutboxMessage.class, OutboxMessage::new)));
        }
        if (type == List.class && field.getGenericType() instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] == org.clinic.appointments.domain.WaitRequest.class) {
            return new ArrayList<>(List.of(filled(org.clinic.appointments.domain.WaitRequest.class,
                    org.clinic.appointments.domain.WaitRequest::new)));
        }
        if (type == List.class && field.getGenericType() instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] == org.clinic.appointments.domain.AccountChange.class) {
            return new ArrayList<>(List.of(filled(org.clinic.appointments.domain.AccountChange.class,
                    org.clinic.appointments.domain.AccountChange::new)));
        }
        if (type == Integer.class) {
            return 1000 + n;
        }
        if (type == List.class && field.getGenericType() instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] == DoctorChange.class) {
            return new ArrayList<>(List.of(filled(DoctorChange.class, DoctorChange::new)));
        }
        if (type == Map.class) {
            return new java.util.LinkedHashMap<>(Map.of("legacy_" + n, "kept"));
        }
        throw new AssertionError("No sample value for " + field + ": teach this test (and the mapper) its type");
    }

}
