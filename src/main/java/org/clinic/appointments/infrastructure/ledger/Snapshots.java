package org.clinic.appointments.infrastructure.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Logger;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.ClinicSchedule;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.User;

/**
 * The pretty-printed snapshots in the earlier system's schema ({@code doctors.json}, {@code users.json},
 * {@code appointments.json}) and {@code ledger-state.json}, naming the last journal entry they contain. Users and
 * appointments go through the ledger's one mapper; snapshots of the earlier system load as they are.
 */
final class Snapshots {

    static final String DOCTORS = "doctors.json";
    static final String USERS = "users.json";
    static final String APPOINTMENTS = "appointments.json";
    static final String STATE = "ledger-state.json";
    static final String SCHEDULE = "schedule.json";
    static final String SPECIALIZATIONS = "specializations.json";
    static final String PHOTOS = "photos";

    private static final Logger LOG = Logger.getLogger(Snapshots.class.getName());
    private static final JsonGeneratorFactory PRETTY = Jsonp.PROVIDER.createGeneratorFactory(
            Map.of(JsonGenerator.PRETTY_PRINTING, true));

    private final DataDirectory dir;
    private final JsonCodec codec;
    private final RecordMapper.Mappers mappers;

    Snapshots(DataDirectory dir, JsonCodec codec, RecordMapper.Mappers mappers) {
        this.dir = dir;
        this.codec = codec;
        this.mappers = mappers;
    }

    List<Doctor> readDoctors() {
        Path file = dir.resolve(DOCTORS);
        if (!Files.exists(file)) {
            LOG.warning(() -> "No " + DOCTORS + " in " + dir.path() + ": there are no doctors to book.");
            return List.of();
        }
        List<Doctor> doctors = new ArrayList<>();
        try {
            read(file, mappers.doctors(), doctors::add);
        } catch (IOException | RuntimeException e) {
            throw DataDirectory.problemIn(file, e);
        }
        return doctors;
    }

    /** Written after every change of a doctor (the file is small), after its journal line. */
    void writeDoctors(Collection<Doctor> doctors) throws IOException {
        dir.writeAtomically(DOCTORS, out -> writeArray(out, mappers.doctors(), doctors));
    }

    /** The clinic's specializations as last written; empty when the admins have not changed them yet. */
    java.util.Optional<List<String>> readSpecializations() {
        Path file = dir.resolve(SPECIALIZATIONS);
        if (!Files.exists(file)) {
            return java.util.Optional.empty();
        }
        try (java.io.Reader in = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8);
                jakarta.json.JsonReader reader = Jsonp.PROVIDER.createReader(in)) {
            return java.util.Optional.of(reader.readArray().getValuesAs(jakarta.json.JsonString::getString));
        } catch (IOException | RuntimeException e) {
            throw DataDirectory.problemIn(file, e);
        }
    }

    void writeSpecializations(List<String> specializations) throws IOException {
        dir.writeAtomically(SPECIALIZATIONS, out -> {
            try (JsonGenerator json = PRETTY.createGenerator(out, java.nio.charset.StandardCharsets.UTF_8)) {
                json.writeStartArray();
                specializations.forEach(json::write);
                json.writeEnd();
            }
        });
    }

    /** Stores a doctor's photo under its (content-derived) name, durably, before any record names it. */
    void writePhoto(String name, byte[] bytes) throws IOException {
        DataDirectory.createOwnerOnlyDirectories(dir.resolve(PHOTOS));
        dir.writeAtomically(PHOTOS + "/" + name, out -> out.write(bytes));
    }

    java.util.Optional<byte[]> readPhoto(String name) {
        Path file = dir.resolve(PHOTOS).resolve(name);
        try {
            return Files.isRegularFile(file) ? java.util.Optional.of(Files.readAllBytes(file)) : java.util.Optional.empty();
        } catch (IOException e) {
            LOG.warning(() -> "Photo " + name + " could not be read: " + e.getMessage());
            return java.util.Optional.empty();
        }
    }

    List<User> readUsers() {
        List<User> users = new ArrayList<>();
        Path file = dir.resolve(USERS);
        if (Files.exists(file)) {
            try {
                read(file, mappers.users(), users::add);
            } catch (IOException | RuntimeException e) {
                throw DataDirectory.problemIn(file, e);
            }
        }
        return users;
    }

    long readStateSeq() {
        Path file = dir.resolve(STATE);
        if (!Files.exists(file)) {
            return 0;
        }
        try {
            LedgerState state = codec.compact().fromJson(Files.readString(file), LedgerState.class);
            return state == null ? 0 : state.getSeq();
        } catch (IOException | JsonbException e) {
            throw DataDirectory.problemIn(file, e);
        }
    }

    /**
     * Hands every appointment to {@code sink}, in file order, on the calling thread, while a second thread reads
     * ahead (and applies {@code decoded}): parsing and indexing a large ledger then share the machine's cores.
     */
    void readAppointments(java.util.function.UnaryOperator<Appointment> decoded, Consumer<Appointment> sink) {
        Path file = dir.resolve(APPOINTMENTS);
        if (!Files.exists(file)) {
            return;
        }
        try {
            ReadAhead.run(out -> read(file, mappers.appointments(), a -> out.accept(decoded.apply(a))), sink);
        } catch (LedgerLoadException e) {
            throw e;
        } catch (Exception e) {
            throw DataDirectory.problemIn(file, e);
        }
    }

    /** Reads a JSON array of records, naming the line of a record that cannot be read. */
    static <T> void read(Path file, RecordMapper<T> mapper, Consumer<T> sink) throws IOException {
        try (InputStream in = Files.newInputStream(file); JsonParser parser = Jsonp.PROVIDER.createParser(in)) {
            if (!parser.hasNext() || parser.next() != Event.START_ARRAY) {
                throw new IllegalArgumentException("not a JSON array");
            }
            Event event;
            while ((event = parser.next()) != Event.END_ARRAY) {
                if (event != Event.START_OBJECT) {
                    throw new IllegalArgumentException("line " + parser.getLocation().getLineNumber()
                            + ": a record must be a JSON object");
                }
                T record;
                try {
                    record = mapper.read(parser);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("line " + parser.getLocation().getLineNumber() + ": "
                            + e.getMessage(), e);
                }
                sink.accept(record);
            }
        }
    }

    /**
     * Writes the snapshots of everything up to {@code seq}, then records {@code seq}. Each file is replaced
     * atomically; a crash at any step leaves a directory that loads to the same state.
     */
    /** The clinic's schedule as last written; empty when there is none yet. */
    ClinicSchedule readSchedule() {
        Path file = dir.resolve(SCHEDULE);
        if (!java.nio.file.Files.exists(file)) {
            return ClinicSchedule.EMPTY;
        }
        try (java.io.Reader in = java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8);
                jakarta.json.JsonReader reader = Jsonp.PROVIDER.createReader(in)) {
            return ScheduleJson.fromJson(reader.readObject());
        } catch (IOException | RuntimeException e) {
            throw DataDirectory.problemIn(file, e);
        }
    }

    /** Written at every change of the schedule (it is small), after its journal line. */
    void writeSchedule(ClinicSchedule schedule) throws IOException {
        dir.writeAtomically(SCHEDULE, out -> {
            try (JsonGenerator json = PRETTY.createGenerator(out, java.nio.charset.StandardCharsets.UTF_8)) {
                json.write(ScheduleJson.toJson(schedule));
            }
        });
    }

    void write(Collection<User> users, Collection<Appointment> appointments, long seq) throws IOException {
        dir.writeAtomically(USERS, out -> writeArray(out, mappers.users(), users));
        dir.writeAtomically(APPOINTMENTS, out -> writeArray(out, mappers.appointments(), appointments));
        dir.writeAtomically(STATE, out -> codec.compact().toJson(new LedgerState(seq), out));
    }

    /** A pretty-printed array ending with a newline, as the shipped files do. */
    private static <T> void writeArray(OutputStream out, RecordMapper<T> mapper, Collection<T> records) throws IOException {
        try (JsonGenerator json = PRETTY.createGenerator(out, java.nio.charset.StandardCharsets.UTF_8)) {
            json.writeStartArray();
            for (T record : records) {
                mapper.write(json, null, record, null);
            }
            json.writeEnd();
        }
        out.write('\n');
    }
}
