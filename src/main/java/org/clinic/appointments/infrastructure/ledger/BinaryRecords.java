package org.clinic.appointments.infrastructure.ledger;

import java.io.DataOutput;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.json.stream.JsonParser;

import org.clinic.appointments.domain.AccountChange;
import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.AppointmentStatus;
import org.clinic.appointments.domain.HistoryEntry;
import org.clinic.appointments.domain.MessageKind;
import org.clinic.appointments.domain.OutboxMessage;
import org.clinic.appointments.domain.WaitRequest;
import org.clinic.appointments.domain.PaymentMethod;
import org.clinic.appointments.domain.PaymentStatus;
import org.clinic.appointments.domain.Role;
import org.clinic.appointments.domain.User;

/**
 * A compact binary form of the stored records for the start-up cache, over the same declared fields as the JSON
 * mapper (so a new field is cached by construction). Text goes through a table: each distinct string is written
 * once and read back as one shared instance.
 */
final class BinaryRecords<T> {

    /**
     * A text column shares every value through its table up to this many distinct values; past it, only while its
     * values have repeated at least a quarter as often as there are values in the table (a patient's name, not an id).
     */
    static final int MAX_SHARED_PER_FIELD = 1 << 16;
    /** No table grows past this many values. */
    static final int MAX_TABLE = 1 << 21;
    /** Fields of all record kinds together; each has its own table. */
    private static final int MAX_TABLES = 128;

    private final Supplier<T> factory;
    private final Field[] fields;
    private final Codec[] codecs;
    private final int firstTable;

    private BinaryRecords(Supplier<T> factory, Map<String, Field> mapped, Map<java.lang.reflect.Type, Codec> byType,
            int firstTable) {
        this.factory = factory;
        this.fields = mapped.values().toArray(Field[]::new);
        this.codecs = new Codec[fields.length];
        this.firstTable = firstTable;
        for (int i = 0; i < fields.length; i++) {
            codecs[i] = byType.getOrDefault(fields[i].getGenericType(), byType.get(fields[i].getType()));
            if (codecs[i] == null) {
                throw new IllegalStateException("No binary form for " + fields[i]);
            }
        }
    }

    record Forms(BinaryRecords<Appointment> appointments, BinaryRecords<User> users, int layout) {
    }

    /** The fields in their order, with their types: a cache written with another layout is not read. */
    private String layout() {
        StringBuilder text = new StringBuilder();
        for (Field field : fields) {
            text.append(field.getDeclaringClass().getSimpleName()).append('.').append(field.getName()).append(':')
                    .append(field.getType().getSimpleName()).append(';');
        }
        return text.toString();
    }

    static Forms forms(RecordMapper.Mappers mappers) {
        Map<java.lang.reflect.Type, Codec> byType = new HashMap<>();
        byType.put(String.class, new Codec((out, t, v) -> out.text(t, (String) v), Input::text));
        byType.put(LocalDate.class, new Codec((out, t, v) -> out.data().writeInt((int) ((LocalDate) v).toEpochDay()),
                (in, t) -> LocalDate.ofEpochDay(in.readInt())));
        byType.put(Instant.class, new Codec((out, t, v) -> {
            out.data().writeLong(((Instant) v).getEpochSecond());
            out.data().writeInt(((Instant) v).getNano());
        }, (in, t) -> Instant.ofEpochSecond(in.readLong(), in.readInt())));
        byType.put(BigDecimal.class, new Codec((out, t, v) -> out.text(t, v.toString()),
                (in, t) -> new BigDecimal(in.text(t))));
        byType.put(AppointmentStatus.class, coded(s -> ((AppointmentStatus) s).code(), AppointmentStatus::fromCode));
        byType.put(PaymentStatus.class, coded(s -> ((PaymentStatus) s).code(), PaymentStatus::fromCode));
        byType.put(PaymentMethod.class, coded(s -> ((PaymentMethod) s).code(), PaymentMethod::fromCode));
        byType.put(Role.class, coded(s -> ((Role) s).code(), Role::fromCode));
        byType.put(MessageKind.class, coded(s -> ((MessageKind) s).code(), MessageKind::fromCode));
        byType.put(Integer.class, new Codec((out, t, v) -> out.data().writeInt((Integer) v), (in, t) -> in.readInt()));
        byType.put(Map.class, new Codec((out, t, v) -> out.text(t, JsonValues.json(v).toString()), (in, t) -> {
            try (JsonParser parser = Jsonp.PROVIDER.createParser(new StringReader(in.text(t)))) {
                parser.next();
                return JsonValues.plain(parser.getObject());
            }
        }));
        BinaryRecords<HistoryEntry> history = new BinaryRecords<>(HistoryEntry::new, mappers.history().fields(), byType, 0);
        byType.put(listType("history"), listCodec(history));
        BinaryRecords<OutboxMessage> outbox = new BinaryRecords<>(OutboxMessage::new, mappers.outbox().fields(), byType,
                history.fields.length);
        byType.put(listType("messages"), listCodec(outbox));
        int appointmentTables = history.fields.length + outbox.fields.length;
        BinaryRecords<Appointment> appointments = new BinaryRecords<>(Appointment::new,
                mappers.appointments().fields(), byType, appointmentTables);
        BinaryRecords<WaitRequest> waits = new BinaryRecords<>(WaitRequest::new, mappers.waits().fields(), byType,
                appointmentTables + appointments.fields.length);
        byType.put(RecordMapper.listOf(User.class, WaitRequest.class), listCodec(waits));
        int waitTables = appointmentTables + appointments.fields.length + waits.fields.length;
        BinaryRecords<AccountChange> accountChanges = new BinaryRecords<>(AccountChange::new,
                mappers.accountChanges().fields(), byType, waitTables);
        byType.put(RecordMapper.listOf(User.class, AccountChange.class), listCodec(accountChanges));
        BinaryRecords<User> users = new BinaryRecords<>(User::new, mappers.users().fields(), byType,
                waitTables + accountChanges.fields.length);
        return new Forms(appointments, users, (history.layout() + outbox.layout() + appointments.layout()
                + waits.layout() + accountChanges.layout() + users.layout()).hashCode());
    }

    private static java.lang.reflect.Type listType(String appointmentField) {
        try {
            return Appointment.class.getDeclaredField(appointmentField).getGenericType();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <E> Codec listCodec(BinaryRecords<E> form) {
        return new Codec((out, t, v) -> {
            List<?> entries = (List<?>) v;
            out.data().writeInt(entries.size());
            for (Object entry : entries) {
                @SuppressWarnings("unchecked")
                E typed = (E) entry;
                form.write(out, typed);
            }
        }, (in, t) -> {
            int size = in.readInt();
            ArrayList<E> entries = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                entries.add(form.read(in));
            }
            return entries;
        });
    }

    private static Codec coded(java.util.function.Function<Object, String> code,
            java.util.function.Function<String, Object> fromCode) {
        return new Codec((out, t, v) -> out.text(t, code.apply(v)), (in, t) -> fromCode.apply(in.text(t)));
    }

    void write(Output out, T record) throws IOException {
        long present = 0;
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            values[i] = RecordMapper.get(fields[i], record);
            if (values[i] != null) {
                present |= 1L << i;
            }
        }
        out.data().writeLong(present);
        for (int i = 0; i < fields.length; i++) {
            if (values[i] != null) {
                codecs[i].writer().write(out, firstTable + i, values[i]);
            }
        }
    }

    T read(Input in) throws IOException {
        T record = factory.get();
        long present = in.readLong();
        for (int i = 0; i < fields.length; i++) {
            if ((present & (1L << i)) != 0) {
                RecordMapper.set(fields[i], record, codecs[i].reader().read(in, firstTable + i));
            } else if (fields[i].getType() != List.class) {
                RecordMapper.set(fields[i], record, null);
            }
        }
        return record;
    }

    interface Writer {
        void write(Output out, int table, Object value) throws IOException;
    }

    interface Reader {
        Object read(Input in, int table) throws IOException;
    }

    private record Codec(Writer writer, Reader reader) {
    }

    /** Where records are written: the data, and per field the values written so far, by number. */
    static final class Output {
        private final DataOutput data;
        @SuppressWarnings("unchecked")
        private final Map<String, Integer>[] tables = new Map[MAX_TABLES];
        /** Per table, how many values were written as the number of one written before. */
        private final long[] repeats = new long[MAX_TABLES];

        Output(DataOutput data) {
            this.data = data;
        }

        DataOutput data() {
            return data;
        }

        /** A value seen before in this field as its number; else -1 and the text (-2 when not shared). */
        void text(int table, String value) throws IOException {
            Map<String, Integer> numbers = tables[table];
            if (numbers == null) {
                numbers = tables[table] = new HashMap<>();
            }
            Integer number = numbers.get(value);
            if (number != null) {
                repeats[table]++;
                data.writeInt(number);
                return;
            }
            boolean shared = numbers.size() < MAX_SHARED_PER_FIELD
                    || (numbers.size() < MAX_TABLE && repeats[table] * 4 >= numbers.size());
            if (shared) {
                numbers.put(value, numbers.size());
            }
            data.writeInt(shared ? -1 : -2);
            byte[] utf8 = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            data.writeInt(utf8.length);
            data.write(utf8);
        }
    }

    /** Where records are read from: a buffer, and per field the values read so far, by number. */
    static final class Input {
        private final ByteBuffer data;
        @SuppressWarnings("unchecked")
        private final List<String>[] tables = new List[MAX_TABLES];

        Input(ByteBuffer data) {
            this.data = data;
        }

        int readInt() {
            return data.getInt();
        }

        long readLong() {
            return data.getLong();
        }

        String text(int table) {
            int number = data.getInt();
            List<String> values = tables[table];
            if (values == null) {
                values = tables[table] = new ArrayList<>();
            }
            if (number >= 0) {
                return values.get(number);
            }
            byte[] utf8 = new byte[data.getInt()];
            data.get(utf8);
            String value = new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
            if (number == -1) {
                values.add(value);
            }
            return value;
        }
    }
}
