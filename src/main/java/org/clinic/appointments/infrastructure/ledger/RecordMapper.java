package org.clinic.appointments.infrastructure.ledger;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;

import org.clinic.appointments.domain.AccountChange;
import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.AppointmentStatus;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.DoctorChange;
import org.clinic.appointments.domain.HistoryEntry;
import org.clinic.appointments.domain.MessageKind;
import org.clinic.appointments.domain.OutboxMessage;
import org.clinic.appointments.domain.WaitRequest;
import org.clinic.appointments.domain.PaymentMethod;
import org.clinic.appointments.domain.PaymentStatus;
import org.clinic.appointments.domain.Role;
import org.clinic.appointments.domain.User;

/**
 * Reads and writes one kind of record as a JSON object, member for member from the record's declared fields
 * (snake_case names, the earlier system's codes, instants in UTC). A field added to a record is read and written
 * back by construction; a field of a type without a JSON form stops the class from loading. Members it does not
 * know are kept in the record's {@code otherFields} and written back under {@code other_fields}.
 */
final class RecordMapper<T> {

    static final String OTHER_FIELDS = "other_fields";
    private static final String OTHER_FIELDS_FIELD = "otherFields";

    private final Supplier<T> factory;
    private final List<Member> members = new ArrayList<>();
    private final Map<String, Member> byName = new LinkedHashMap<>();
    private final Field otherFields;

    private RecordMapper(Class<T> type, Supplier<T> factory, Map<Type, Codec> codecs) {
        this.factory = factory;
        Field others = null;
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())) {
                continue;
            }
            field.setAccessible(true);
            if (field.getName().equals(OTHER_FIELDS_FIELD)) {
                others = field;
                continue;
            }
            Codec codec = codecs.get(field.getGenericType());
            if (codec == null) {
                throw new IllegalStateException("No JSON form for " + type.getSimpleName() + "." + field.getName()
                        + " of type " + field.getGenericType().getTypeName());
            }
            Member member = new Member(snakeCase(field.getName()), field, codec);
            members.add(member);
            byName.put(member.name(), member);
        }
        this.otherFields = others;
    }

    static String snakeCase(String name) {
        return name.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }

    /** The mappers of the ledger's records, with instants read as {@code instants} reads them. */
    static Mappers mappers(JsonCodec.InstantAdapter instants) {
        Map<Type, Codec> codecs = new LinkedHashMap<>();
        codecs.put(String.class, Codec.<String>of(JsonValues::text, s -> s));
        codecs.put(LocalDate.class, Codec.<LocalDate>of(JsonValues::date, LocalDate::toString));
        codecs.put(Instant.class, Codec.<Instant>of(p -> instants.adaptFromJson(JsonValues.text(p)), Instant::toString));
        codecs.put(BigDecimal.class, new Codec(JsonValues::decimal, (g, name, value) -> g.write(name, (BigDecimal) value)));
        codecs.put(AppointmentStatus.class, Codec.coded(AppointmentStatus::fromCode, AppointmentStatus::code));
        codecs.put(PaymentStatus.class, Codec.coded(PaymentStatus::fromCode, PaymentStatus::code));
        codecs.put(PaymentMethod.class, Codec.coded(PaymentMethod::fromCode, PaymentMethod::code));
        codecs.put(Role.class, Codec.coded(Role::fromCode, Role::code));
        codecs.put(MessageKind.class, Codec.coded(MessageKind::fromCode, MessageKind::code));
        codecs.put(Integer.class, new Codec(p -> {
            BigDecimal number = JsonValues.decimal(p);
            return number == null ? null : number.intValueExact();
        }, (g, name, value) -> g.write(name, (Integer) value)));
        RecordMapper<HistoryEntry> history = new RecordMapper<>(HistoryEntry.class, HistoryEntry::new, codecs);
        codecs.put(listOf(Appointment.class, HistoryEntry.class), listCodec(history));
        RecordMapper<OutboxMessage> outbox = new RecordMapper<>(OutboxMessage.class, OutboxMessage::new, codecs);
        codecs.put(listOf(Appointment.class, OutboxMessage.class), listCodec(outbox));
        RecordMapper<DoctorChange> doctorChanges = new RecordMapper<>(DoctorChange.class, DoctorChange::new, codecs);
        codecs.put(listOf(Doctor.class, DoctorChange.class), listCodec(doctorChanges));
        RecordMapper<WaitRequest> waits = new RecordMapper<>(WaitRequest.class, WaitRequest::new, codecs);
        codecs.put(listOf(User.class, WaitRequest.class), listCodec(waits));
        RecordMapper<AccountChange> accountChanges = new RecordMapper<>(AccountChange.class, AccountChange::new,
                codecs);
        codecs.put(listOf(User.class, AccountChange.class), listCodec(accountChanges));
        return new Mappers(new RecordMapper<>(Appointment.class, Appointment::new, codecs),
                new RecordMapper<>(User.class, User::new, codecs), history,
                new RecordMapper<>(Doctor.class, Doctor::new, codecs), outbox, waits, accountChanges);
    }

    private static <E> Codec listCodec(RecordMapper<E> mapper) {
        return new Codec(mapper::readList, (g, name, value) -> {
            @SuppressWarnings("unchecked")
            List<E> entries = (List<E>) value;
            mapper.writeList(g, name, entries);
        });
    }

    record Mappers(RecordMapper<Appointment> appointments, RecordMapper<User> users,
            RecordMapper<HistoryEntry> history, RecordMapper<Doctor> doctors, RecordMapper<OutboxMessage> outbox,
            RecordMapper<WaitRequest> waits, RecordMapper<AccountChange> accountChanges) {
    }

    static Type listOf(Class<?> holder, Class<?> element) {
        for (Field field : holder.getDeclaredFields()) {
            if (field.getGenericType() instanceof ParameterizedType list && list.getRawType() == List.class
                    && list.getActualTypeArguments()[0] == element) {
                return list;
            }
        }
        throw new IllegalStateException("No list of " + element.getSimpleName());
    }

    /** Reads the members of one object whose START_OBJECT the parser has just read, up to its END_OBJECT. */
    T read(JsonParser parser) {
        T record = factory.get();
        Map<String, Object> others = null;
        while (parser.next() == Event.KEY_NAME) {
            String key = parser.getString();
            Member member = byName.get(key);
            if (member != null) {
                set(member.field(), record, member.codec().reader().read(parser));
            } else if (otherFields == null) {
                parser.next();
                parser.getValue();
            } else {
                others = others == null ? new LinkedHashMap<>() : others;
                parser.next();
                JsonValue value = parser.getValue();
                if (key.equals(OTHER_FIELDS) && value instanceof JsonObject kept) {
                    for (Map.Entry<String, JsonValue> field : kept.entrySet()) {
                        others.put(field.getKey(), JsonValues.plain(field.getValue()));
                    }
                } else {
                    others.put(key, JsonValues.plain(value));
                }
            }
        }
        if (otherFields != null) {
            set(otherFields, record, others == null || others.isEmpty() ? null : others);
        }
        return record;
    }

    List<T> readList(JsonParser parser) {
        ArrayList<T> list = new ArrayList<>(4);
        Event event = parser.next();
        if (event == Event.VALUE_NULL) {
            return list;
        }
        if (event != Event.START_ARRAY) {
            throw new IllegalArgumentException("expected a list, found " + event);
        }
        while ((event = parser.next()) != Event.END_ARRAY) {
            if (event != Event.START_OBJECT) {
                throw new IllegalArgumentException("a list entry must be a JSON object");
            }
            list.add(read(parser));
        }
        list.trimToSize();
        return list;
    }

    /**
     * Writes the record as an object (named when {@code name} is not null), leaving out null members, empty lists
     * (read back as the record's own empty default) and {@code skip}.
     */
    void write(JsonGenerator out, String name, T record, String skip) {
        if (name == null) {
            out.writeStartObject();
        } else {
            out.writeStartObject(name);
        }
        for (Member member : members) {
            Object value = get(member.field(), record);
            boolean empty = value == null || (value instanceof List<?> list && list.isEmpty());
            if (!empty && !member.name().equals(skip)) {
                member.codec().writer().write(out, member.name(), value);
            }
        }
        Object others = otherFields == null ? null : get(otherFields, record);
        if (others instanceof Map<?, ?> map && !map.isEmpty()) {
            out.write(OTHER_FIELDS, JsonValues.json(map));
        }
        out.writeEnd();
    }

    void writeList(JsonGenerator out, String name, List<T> records) {
        out.writeStartArray(name);
        for (T record : records) {
            write(out, null, record, null);
        }
        out.writeEnd();
    }

    /** The declared fields this mapper reads and writes, by member name (for tests). */
    Map<String, Field> fields() {
        Map<String, Field> fields = new LinkedHashMap<>();
        members.forEach(member -> fields.put(member.name(), member.field()));
        if (otherFields != null) {
            fields.put(OTHER_FIELDS, otherFields);
        }
        return fields;
    }

    static Object get(Field field, Object record) {
        try {
            return field.get(record);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static void set(Field field, Object record, Object value) {
        try {
            field.set(record, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Member(String name, Field field, Codec codec) {
    }

    interface Reader {
        Object read(JsonParser parser);
    }

    interface Writer {
        void write(JsonGenerator out, String name, Object value);
    }

    record Codec(Reader reader, Writer writer) {

        static <V> Codec of(Reader reader, Function<V, String> text) {
            return new Codec(reader, (out, name, value) -> {
                @SuppressWarnings("unchecked")
                V typed = (V) value;
                out.write(name, text.apply(typed));
            });
        }

        static <V> Codec coded(Function<String, V> fromCode, Function<V, String> code) {
            return of(parser -> {
                String text = JsonValues.text(parser);
                return text == null || text.isBlank() ? null : fromCode.apply(text);
            }, code);
        }
    }
}
