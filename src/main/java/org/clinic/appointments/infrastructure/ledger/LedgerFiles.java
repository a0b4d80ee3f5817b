package org.clinic.appointments.infrastructure.ledger;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.logging.Logger;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.User;

/**
 * The durable form of the ledger: pretty-printed snapshots ({@code users.json}, {@code appointments.json}),
 * an fsynced append-only {@code journal.jsonl}, and {@code ledger-state.json} naming the last sequence
 * number the snapshots contain. Not thread-safe: the ledger calls it from its write lock.
 */
final class LedgerFiles implements AutoCloseable {

    static final String DOCTORS = "doctors.json";
    static final String USERS = "users.json";
    static final String APPOINTMENTS = "appointments.json";
    static final String JOURNAL = "journal.jsonl";
    static final String STATE = "ledger-state.json";
    static final String ARCHIVE = "archive";
    static final String LOCK = ".lock";

    private static final Logger LOG = Logger.getLogger(LedgerFiles.class.getName());
    private static final Type USER_LIST = new ArrayList<User>() { }.getClass().getGenericSuperclass();
    private static final Type APPOINTMENT_LIST = new ArrayList<Appointment>() { }.getClass().getGenericSuperclass();
    private static final Type OTHER_FIELDS = new LinkedHashMap<String, Object>() { }.getClass().getGenericSuperclass();
    private static final Type DOCTOR_LIST = new ArrayList<Doctor>() { }.getClass().getGenericSuperclass();

    private final Path dir;
    private final JsonCodec codec;
    private FileChannel lockChannel;
    private FileLock lock;
    private FileChannel journal;
    private long journalSize;
    private long journalFirstSeq;

    LedgerFiles(Path dir, JsonCodec codec) {
        this.dir = dir.toAbsolutePath().normalize();
        this.codec = codec;
    }

    Path dir() {
        return dir;
    }

    /** Takes the directory for this process alone; fails when it is missing rights or used by another server. */
    void lockDirectory() {
        try {
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) {
                throw new LedgerLoadException("Data directory " + dir + " is not writable.");
            }
            lockChannel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException inThisProcess) {
            lock = null;
        } catch (AccessDeniedException denied) {
            throw new LedgerLoadException("Data directory " + dir + " is not writable.", denied);
        } catch (IOException e) {
            throw new LedgerLoadException("Data directory " + dir + " cannot be used: " + e, e);
        }
        if (lock == null) {
            closeQuietly(lockChannel);
            throw new LedgerLoadException("Data directory " + dir + " is in use by another running server.");
        }
    }

    List<Doctor> readDoctors() {
        Path file = dir.resolve(DOCTORS);
        if (!Files.exists(file)) {
            LOG.warning(() -> "No " + DOCTORS + " in " + dir + ": there are no doctors to book.");
            return List.of();
        }
        return readArray(file, DOCTOR_LIST);
    }

    /**
     * The accounts. Snapshots without {@code ledger-state.json} come from the earlier system (or were never
     * compacted here): their members that we do not map are kept in each record's {@code other_fields}.
     */
    List<User> readUsers() {
        Path file = dir.resolve(USERS);
        return hasState() ? readArray(file, USER_LIST) : readKeepingOtherFields(file, User.class, User::setOtherFields);
    }

    /** The appointments, by the streaming reader: it keeps unknown members itself, with or without a state file. */
    List<Appointment> readAppointments() {
        List<Appointment> appointments = new ArrayList<>();
        readAppointments(appointments::add);
        return appointments;
    }

    /**
     * Hands every appointment to {@code sink}, in file order, on the calling thread, while a second thread reads
     * ahead: parsing and indexing a large ledger then share the machine's cores. Only at start-up.
     */
    void readAppointments(Consumer<Appointment> sink) {
        Path file = dir.resolve(APPOINTMENTS);
        if (!Files.exists(file)) {
            return;
        }
        BlockingQueue<List<Appointment>> batches = new ArrayBlockingQueue<>(16);
        List<Appointment> end = new ArrayList<>(0);
        AtomicReference<Exception> failure = new AtomicReference<>();
        AtomicBoolean abandoned = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            AtomicReference<List<Appointment>> batch = new AtomicReference<>(new ArrayList<>(READ_BATCH));
            try {
                new AppointmentReader(codec.instants()).read(file, appointment -> {
                    batch.get().add(appointment);
                    if (batch.get().size() == READ_BATCH) {
                        hand(batches, batch.getAndSet(new ArrayList<>(READ_BATCH)), abandoned);
                    }
                });
                hand(batches, batch.get(), abandoned);
            } catch (IOException | RuntimeException e) {
                failure.set(e);
            } finally {
                if (!abandoned.get()) {
                    hand(batches, end, abandoned);
                }
            }
        }, "ledger-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            for (List<Appointment> batch = take(batches); batch != end; batch = take(batches)) {
                batch.forEach(sink);
            }
        } finally {
            abandoned.set(true);
            batches.clear();
        }
        Exception problem = failure.get();
        if (problem != null) {
            throw problemIn(file, problem);
        }
    }

    private static final int READ_BATCH = 1024;

    private static void hand(BlockingQueue<List<Appointment>> batches, List<Appointment> batch, AtomicBoolean abandoned) {
        try {
            while (!batches.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                if (abandoned.get()) {
                    throw new java.util.concurrent.CancellationException("the ledger stopped loading");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<Appointment> take(BlockingQueue<List<Appointment>> batches) {
        try {
            return batches.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerLoadException("Interrupted while loading the ledger", e);
        }
    }

    private boolean hasState() {
        return Files.exists(dir.resolve(STATE));
    }

    private <T> List<T> readKeepingOtherFields(Path file, Class<T> type, BiConsumer<T, Map<String, Object>> keep) {
        if (!Files.exists(file)) {
            return List.of();
        }
        Set<String> mapped = mappedNames(type);
        List<T> records = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); JsonParser parser = Json.createParser(in)) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_ARRAY) {
                throw new LedgerLoadException(file + ": not a JSON array");
            }
            while (parser.hasNext() && parser.next() == JsonParser.Event.START_OBJECT) {
                JsonObject object = parser.getObject();
                T record = codec.compact().fromJson(object.toString(), type);
                JsonObjectBuilder others = Json.createObjectBuilder();
                object.forEach((name, value) -> {
                    if (!mapped.contains(name)) {
                        others.add(name, value);
                    }
                });
                JsonObject unmapped = others.build();
                if (!unmapped.isEmpty()) {
                    keep.accept(record, codec.compact().fromJson(unmapped.toString(), OTHER_FIELDS));
                }
                records.add(record);
            }
        } catch (IOException | JsonbException | JsonException | IllegalArgumentException e) {
            throw problemIn(file, e);
        }
        return records;
    }

    /** The member names JSON-B reads into {@code type}: its fields, in snake_case. */
    static Set<String> mappedNames(Class<?> type) {
        Set<String> names = new HashSet<>();
        for (Field field : type.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers())) {
                names.add(field.getName().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT));
            }
        }
        return names;
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
            throw problemIn(file, e);
        }
    }

    private <T> List<T> readArray(Path file, Type type) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (InputStream in = Files.newInputStream(file)) {
            List<T> records = codec.compact().fromJson(in, type);
            return records == null ? List.of() : records;
        } catch (IOException | JsonbException | JsonException | IllegalArgumentException e) {
            throw problemIn(file, e);
        }
    }

    /** Names the line of a syntax error when there is one; otherwise the mapping problem. */
    private static LedgerLoadException problemIn(Path file, Exception cause) {
        try (InputStream in = Files.newInputStream(file); JsonParser parser = Json.createParser(in)) {
            while (parser.hasNext()) {
                parser.next();
            }
        } catch (JsonParsingException syntax) {
            return new LedgerLoadException(file + ", line " + syntax.getLocation().getLineNumber()
                    + ", column " + syntax.getLocation().getColumnNumber() + ": " + syntax.getMessage(), cause);
        } catch (IOException | JsonException other) {
            return new LedgerLoadException(file + ": " + other.getMessage(), cause);
        }
        return new LedgerLoadException(file + ": " + rootMessage(cause), cause);
    }

    static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? String.valueOf(error.getMessage())
                : error.getMessage() + " (" + root.getMessage() + ")";
    }

    /**
     * Hands every journal entry to {@code sink} in order. A last line that does not parse is a write torn by a
     * crash: it was never acknowledged, so it is moved aside with a warning. Any other bad line stops start-up.
     */
    void replayJournal(Consumer<JournalEntry> sink) {
        replay(dir.resolve(JOURNAL), sink, true);
    }

    /**
     * Hands over, in order, the entries above {@code seq} of archived journals that reach beyond it. There are
     * none unless the snapshots were copied while a compaction ran (a backup): then the state file is older than
     * the snapshots and the archive holds the changes in between. Replaying full records in order is idempotent.
     */
    long replayArchivesAfter(long seq, Consumer<JournalEntry> sink) {
        Path archive = dir.resolve(ARCHIVE);
        if (!Files.isDirectory(archive)) {
            return seq;
        }
        List<Path> files;
        try (java.util.stream.Stream<Path> listing = Files.list(archive)) {
            files = listing.filter(file -> archivedLastSeq(file) > seq)
                    .sorted(java.util.Comparator.comparingLong(LedgerFiles::archivedFirstSeq)).toList();
        } catch (IOException e) {
            throw new LedgerLoadException(archive + ": cannot be read: " + e.getMessage(), e);
        }
        long[] last = {seq};
        for (Path file : files) {
            LOG.warning(() -> "Snapshots newer than " + STATE + " (copied during a compaction?): replaying " + file);
            replay(file, entry -> {
                if (entry.getSeq() > last[0]) {
                    last[0] = entry.getSeq();
                    sink.accept(entry);
                }
            }, false);
        }
        return last[0];
    }

    private static final java.util.regex.Pattern ARCHIVED = java.util.regex.Pattern.compile("journal-(\\d+)-(\\d+)\\.jsonl");

    private static long archivedFirstSeq(Path file) {
        java.util.regex.Matcher name = ARCHIVED.matcher(file.getFileName().toString());
        return name.matches() ? Long.parseLong(name.group(1)) : -1;
    }

    private static long archivedLastSeq(Path file) {
        java.util.regex.Matcher name = ARCHIVED.matcher(file.getFileName().toString());
        return name.matches() ? Long.parseLong(name.group(2)) : -1;
    }

    private void replay(Path file, Consumer<JournalEntry> sink, boolean tornTailAllowed) {
        if (!Files.exists(file)) {
            return;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new LedgerLoadException(file + ": cannot be read: " + e.getMessage(), e);
        }
        int start = 0;
        long lineNumber = 0;
        long previousSeq = -1;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            lineNumber++;
            boolean last = lastContent(bytes, end);
            String line = new String(bytes, start, end - start, StandardCharsets.UTF_8).strip();
            if (!line.isEmpty()) {
                JournalEntry entry;
                try {
                    entry = codec.compact().fromJson(line, JournalEntry.class);
                    if (entry == null || entry.getSeq() <= 0 || (entry.getUser() == null && entry.getAppointment() == null)) {
                        throw new IllegalArgumentException("not a journal entry");
                    }
                } catch (JsonbException | JsonException | IllegalArgumentException e) {
                    if (last && tornTailAllowed) {
                        setAsideTornTail(file, bytes, start, lineNumber);
                        return;
                    }
                    throw LedgerLoadException.at(file, lineNumber, rootMessage(e));
                }
                if (entry.getSeq() <= previousSeq) {
                    throw LedgerLoadException.at(file, lineNumber,
                            "sequence " + entry.getSeq() + " does not follow " + previousSeq);
                }
                previousSeq = entry.getSeq();
                sink.accept(entry);
            }
            start = end + 1;
        }
    }

    private static boolean lastContent(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (!Character.isWhitespace(bytes[i])) {
                return false;
            }
        }
        return true;
    }

    private void setAsideTornTail(Path file, byte[] bytes, int offset, long lineNumber) {
        Path aside = dir.resolve(JOURNAL + ".torn-" + Instant.now().toEpochMilli());
        try {
            Files.write(aside, java.util.Arrays.copyOfRange(bytes, offset, bytes.length), StandardOpenOption.CREATE_NEW);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(offset);
                channel.force(true);
            }
            fsyncDirectory(dir);
        } catch (IOException e) {
            throw new LedgerLoadException(file + ", line " + lineNumber
                    + ": torn last line could not be set aside: " + e.getMessage(), e);
        }
        LOG.warning(() -> file + ", line " + lineNumber + ": the last line was torn by a crash while it was written"
                + " (never acknowledged); it was moved to " + aside.getFileName());
    }

    /** Opens the journal for appending; the next entries will have sequence numbers above {@code lastSeq}. */
    void openJournal(long firstSeqOfJournal) {
        try {
            Path file = dir.resolve(JOURNAL);
            boolean created = !Files.exists(file);
            journal = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            journalSize = journal.size();
            journal.position(journalSize);
            if (journalSize > 0 && !endsWithNewline()) {
                write(ByteBuffer.wrap(new byte[] {'\n'}));
                journal.force(false);
                journalSize = journal.size();
            }
            if (created) {
                fsyncDirectory(dir);
            }
            journalFirstSeq = firstSeqOfJournal;
        } catch (IOException e) {
            throw new LedgerLoadException("Journal in " + dir + " cannot be opened for writing: " + e.getMessage(), e);
        }
    }

    private boolean endsWithNewline() throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        journal.read(last, journalSize - 1);
        return last.get(0) == '\n';
    }

    long journalSize() {
        return journalSize;
    }

    /** Appends one entry and forces it to disk; on failure the journal is as it was before the call. */
    void append(JournalEntry entry) throws IOException {
        byte[] line = strictUtf8(codec.compact().toJson(entry) + "\n");
        long before = journalSize;
        try {
            write(ByteBuffer.wrap(line));
            journal.force(false);
            journalSize = before + line.length;
        } catch (IOException e) {
            rollBackTo(before);
            throw e;
        }
    }

    /** The text in UTF-8; a broken character (half a surrogate pair) fails the write instead of becoming "?". */
    private static byte[] strictUtf8(String text) throws java.nio.charset.CharacterCodingException {
        ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                .encode(java.nio.CharBuffer.wrap(text));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return bytes;
    }

    private void write(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            journal.write(buffer);
        }
    }

    private void rollBackTo(long size) {
        try {
            journal.truncate(size);
            journal.position(size);
            journal.force(false);
        } catch (IOException e) {
            LOG.severe(() -> "Journal could not be rolled back to " + size + " bytes: " + e.getMessage());
        }
    }

    /**
     * Writes the snapshots for everything up to {@code seq}, records {@code seq}, then moves the journal to
     * {@code archive/} and starts a new one. Each file is replaced atomically; a crash at any step leaves a
     * directory that loads to the same state.
     */
    void compact(Collection<User> users, Collection<Appointment> appointments, long seq) throws IOException {
        writeAtomically(dir.resolve(USERS), out -> codec.pretty().toJson(users, USER_LIST, out));
        writeAtomically(dir.resolve(APPOINTMENTS), out -> codec.pretty().toJson(appointments, APPOINTMENT_LIST, out));
        writeAtomically(dir.resolve(STATE), out -> codec.compact().toJson(new LedgerState(seq), out));
        if (journal != null) {
            journal.close();
            journal = null;
        }
        Path current = dir.resolve(JOURNAL);
        if (Files.exists(current) && Files.size(current) > 0) {
            Path archive = Files.createDirectories(dir.resolve(ARCHIVE));
            Path target = archive.resolve(String.format("journal-%012d-%012d.jsonl", journalFirstSeq, seq));
            Files.move(current, target, StandardCopyOption.ATOMIC_MOVE);
            fsyncDirectory(archive);
            fsyncDirectory(dir);
        }
        openJournal(seq + 1);
    }

    private interface JsonWriting {
        void writeTo(java.io.Writer out) throws IOException;
    }

    private void writeAtomically(Path target, JsonWriting content) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream stream = Channels.newOutputStream(channel);
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            try {
                content.writeTo(new java.io.FilterWriter(writer) {
                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                });
            } catch (JsonbException e) {
                throw new IOException(e.getMessage(), e);
            }
            writer.flush();
            channel.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        fsyncDirectory(dir);
    }

    static void fsyncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    @Override
    public void close() {
        closeQuietly(journal);
        journal = null;
        try {
            if (lock != null) {
                lock.release();
            }
        } catch (IOException e) {
            LOG.fine(() -> "Lock release: " + e.getMessage());
        }
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.fine(() -> "Close: " + e.getMessage());
            }
        }
    }
}
