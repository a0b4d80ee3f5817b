package org.clinic.appointments.infrastructure.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.json.JsonException;

/**
 * The append-only {@code journal.jsonl}: one line per change, fsynced before the change is acknowledged; replayed
 * at start-up (a torn last line is set aside); rotated into {@code archive/} when the snapshots take it over.
 * Not thread-safe: only writers (under the ledger's WRITE lock) and the loader call it.
 */
final class Journal implements AutoCloseable {

    static final String FILE = "journal.jsonl";
    static final String ARCHIVE = "archive";
    private static final Pattern ARCHIVED = Pattern.compile("journal-(\\d+)-(\\d+)\\.jsonl");
    private static final Logger LOG = Logger.getLogger(Journal.class.getName());

    private final DataDirectory dir;
    private final JournalLines lines;
    private FileChannel channel;
    private long size;
    private long firstSeq;

    Journal(DataDirectory dir, JournalLines lines) {
        this.dir = dir;
        this.lines = lines;
    }

    /** Opens the journal for appending; its first entry will be {@code firstSeq} unless it holds entries already. */
    void open(long firstSeq) {
        try {
            Path file = dir.resolve(FILE);
            boolean created = !Files.exists(file);
            channel = DataDirectory.openOwnerOnly(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            size = channel.size();
            channel.position(size);
            if (size > 0 && !endsWithNewline()) {
                write(ByteBuffer.wrap(new byte[] {'\n'}));
                channel.force(false);
                size = channel.size();
            }
            if (created) {
                DataDirectory.fsync(dir.path());
            }
            this.firstSeq = firstSeq;
        } catch (IOException e) {
            throw new LedgerLoadException("Journal in " + dir.path() + " cannot be opened for writing: " + e.getMessage(), e);
        }
    }

    private boolean endsWithNewline() throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        channel.read(last, size - 1);
        return last.get(0) == '\n';
    }

    long size() {
        return size;
    }

    /** Appends one entry and forces it to disk; on failure the journal is as it was before the call. */
    void append(JournalEntry entry) throws IOException {
        byte[] line = lines.encode(entry);
        long before = size;
        try {
            write(ByteBuffer.wrap(line));
            channel.force(false);
            size = before + line.length;
        } catch (IOException e) {
            rollBackTo(before);
            throw e;
        }
    }

    private void write(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private void rollBackTo(long length) {
        try {
            channel.truncate(length);
            channel.position(length);
            channel.force(false);
        } catch (IOException e) {
            LOG.severe(() -> "Journal could not be rolled back to " + length + " bytes: " + e.getMessage());
        }
    }

    /**
     * Moves the journal, whose last entry is {@code lastSeq}, into {@code archive/} and starts an empty one. Until
     * snapshots at {@code lastSeq} are recorded, start-up replays the archived file (see {@link #replayArchivesAfter}).
     */
    void rotate(long lastSeq) throws IOException {
        channel.close();
        channel = null;
        Path current = dir.resolve(FILE);
        try {
            if (Files.size(current) > 0) {
                Path archive = DataDirectory.createOwnerOnlyDirectories(dir.resolve(ARCHIVE));
                Files.move(current, archive.resolve(String.format("journal-%012d-%012d.jsonl", firstSeq, lastSeq)),
                        StandardCopyOption.ATOMIC_MOVE);
                DataDirectory.fsync(archive);
                DataDirectory.fsync(dir.path());
            }
        } catch (IOException e) {
            open(firstSeq);
            throw e;
        }
        open(lastSeq + 1);
    }

    /**
     * Hands every entry of the journal to {@code sink} in order. A last line that does not parse is a write torn
     * by a crash: it was never acknowledged, so it is moved aside with a warning. Any other bad line stops start-up.
     */
    void replay(Consumer<JournalEntry> sink) {
        replay(dir.resolve(FILE), sink, true);
    }

    /**
     * Hands over, in order, the entries above {@code seq} of archived journals that reach beyond it: those rotated
     * by a compaction that had not recorded its snapshots yet (or snapshots copied while one ran). Answers the
     * last seq handed over. Replay is idempotent, so entries the snapshots hold already change nothing.
     */
    long replayArchivesAfter(long seq, Consumer<JournalEntry> sink) {
        Path archive = dir.resolve(ARCHIVE);
        if (!Files.isDirectory(archive)) {
            return seq;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(archive)) {
            files = listing.filter(file -> archived(file, 2) > seq)
                    .sorted(Comparator.comparingLong(file -> archived(file, 1))).toList();
        } catch (IOException e) {
            throw new LedgerLoadException(archive + ": cannot be read: " + e.getMessage(), e);
        }
        long[] last = {seq};
        for (Path file : files) {
            LOG.info(() -> "Replaying " + file + ": its changes were not all in the snapshots yet");
            replay(file, entry -> {
                if (entry.seq() > last[0]) {
                    last[0] = entry.seq();
                    sink.accept(entry);
                }
            }, false);
        }
        return last[0];
    }

    private static long archived(Path file, int group) {
        Matcher name = ARCHIVED.matcher(file.getFileName().toString());
        return name.matches() ? Long.parseLong(name.group(group)) : -1;
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
            String line = new String(bytes, start, end - start, StandardCharsets.UTF_8).strip();
            if (!line.isEmpty()) {
                JournalEntry entry;
                try {
                    entry = lines.decode(line);
                } catch (JsonException | IllegalArgumentException | java.time.DateTimeException e) {
                    if (tornTailAllowed && onlyWhitespaceFrom(bytes, end)) {
                        setAsideTornTail(file, bytes, start, lineNumber);
                        return;
                    }
                    throw LedgerLoadException.at(file, lineNumber, DataDirectory.rootMessage(e));
                }
                if (entry.seq() <= previousSeq) {
                    throw LedgerLoadException.at(file, lineNumber,
                            "sequence " + entry.seq() + " does not follow " + previousSeq);
                }
                previousSeq = entry.seq();
                sink.accept(entry);
            }
            start = end + 1;
        }
    }

    private static boolean onlyWhitespaceFrom(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (!Character.isWhitespace(bytes[i])) {
                return false;
            }
        }
        return true;
    }

    private void setAsideTornTail(Path file, byte[] bytes, int offset, long lineNumber) {
        Path aside = dir.resolve(FILE + ".torn-" + Instant.now().toEpochMilli());
        try {
            try (FileChannel out = DataDirectory.openOwnerOnly(aside, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                ByteBuffer tail = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
                while (tail.hasRemaining()) {
                    out.write(tail);
                }
            }
            try (FileChannel torn = FileChannel.open(file, StandardOpenOption.WRITE)) {
                torn.truncate(offset);
                torn.force(true);
            }
            DataDirectory.fsync(dir.path());
        } catch (IOException e) {
            throw new LedgerLoadException(file + ", line " + lineNumber
                    + ": torn last line could not be set aside: " + e.getMessage(), e);
        }
        LOG.warning(() -> file + ", line " + lineNumber + ": the last line was torn by a crash while it was written"
                + " (never acknowledged); it was moved to " + aside.getFileName());
    }

    @Override
    public void close() {
        DataDirectory.closeQuietly(channel);
        channel = null;
    }
}
