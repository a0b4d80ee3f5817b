package org.clinic.appointments.infrastructure.ledger;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.User;

/**
 * {@code ledger-cache.bin}: the users and appointments in binary, beside the JSON snapshots, so that start-up reads
 * a million appointments in seconds. Only a cache: it names the JSON snapshots it agrees with (the state's seq, and
 * each file's size and time) and a checksum; when missing, stale or unreadable it is ignored, start-up reads the
 * JSON, and it is written again. JSON stays what people read, back up and migrate from.
 */
final class SnapshotCache {

    static final String FILE = "ledger-cache.bin";
    private static final byte[] MAGIC = "clinic-ledger-cache".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** 2: texts that repeat are shared past 65,536 values per field, so start-up does not share them again. */
    private static final int VERSION = 2;
    private static final Logger LOG = Logger.getLogger(SnapshotCache.class.getName());

    private final DataDirectory dir;
    private final BinaryRecords.Forms forms;

    SnapshotCache(DataDirectory dir, BinaryRecords.Forms forms) {
        this.dir = dir;
        this.forms = forms;
    }

    /** The cache failed after it had handed over records: start again without it. */
    static final class Unusable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unusable(Throwable cause) {
            super(FILE + " could not be read to the end: " + cause, cause);
        }
    }

    /** The state as of {@code seq}, agreeing with the JSON snapshots as they are now (whose state says {@code stateSeq}). */
    void write(Collection<User> users, Collection<Appointment> appointments, long seq, long stateSeq) throws IOException {
        long[] fingerprint = fingerprint(stateSeq);
        dir.writeAtomically(FILE, stream -> {
            CheckedOutputStream checked = new CheckedOutputStream(stream, new CRC32C());
            DataOutputStream data = new DataOutputStream(new BufferedOutputStream(checked, 1 << 16));
            data.write(MAGIC);
            data.writeInt(VERSION);
            data.writeInt(forms.layout());
            data.writeLong(seq);
            for (long value : fingerprint) {
                data.writeLong(value);
            }
            BinaryRecords.Output out = new BinaryRecords.Output(data);
            data.writeInt(users.size());
            for (User user : users) {
                forms.users().write(out, user);
            }
            data.writeInt(appointments.size());
            for (Appointment appointment : appointments) {
                forms.appointments().write(out, appointment);
            }
            data.flush();
            new DataOutputStream(stream).writeLong(checked.getChecksum().getValue());
        });
    }

    /**
     * Hands over the cached users, then their number and the appointments (decoded, and passed through
     * {@code decoded}, on a second thread), and answers the seq they
     * hold; empty, saying why, when the cache is missing, stale or damaged, before any record is handed over.
     */
    OptionalLong read(long stateSeq, Consumer<User> users, IntConsumer expected, UnaryOperator<Appointment> decoded,
            Consumer<Appointment> appointments) {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return OptionalLong.empty();
        }
        ByteBuffer data;
        long seq;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                return ignored("it is larger than 2 GiB");
            }
            data = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            if (!checksumMatches(data.duplicate())) {
                return ignored("its checksum does not match");
            }
            byte[] magic = new byte[MAGIC.length];
            data.get(magic);
            if (!Arrays.equals(magic, MAGIC) || data.getInt() != VERSION || data.getInt() != forms.layout()) {
                return ignored("it was written by another version");
            }
            seq = data.getLong();
            long[] recorded = new long[5];
            for (int i = 0; i < recorded.length; i++) {
                recorded[i] = data.getLong();
            }
            if (!Arrays.equals(recorded, fingerprint(stateSeq))) {
                return ignored("the JSON snapshots changed after it was written");
            }
        } catch (IOException | RuntimeException e) {
            return ignored("it cannot be read (" + e + ")");
        }
        try {
            BinaryRecords.Input input = new BinaryRecords.Input(data);
            int userCount = input.readInt();
            for (int i = 0; i < userCount; i++) {
                users.accept(forms.users().read(input));
            }
            int appointmentCount = input.readInt();
            expected.accept(appointmentCount);
            ReadAhead.run(out -> {
                for (int i = 0; i < appointmentCount; i++) {
                    out.accept(decoded.apply(forms.appointments().read(input)));
                }
            }, appointments);
        } catch (LedgerLoadException e) {
            throw e;
        } catch (Exception e) {
            throw new Unusable(e);
        }
        return OptionalLong.of(seq);
    }

    /** Whether the last eight bytes are the CRC-32C of all before them (the CPU's CRC instructions). */
    private static boolean checksumMatches(ByteBuffer data) {
        int payload = data.limit() - Long.BYTES;
        if (payload < MAGIC.length) {
            return false;
        }
        CRC32C crc = new CRC32C();
        crc.update(data.duplicate().limit(payload));
        return data.getLong(payload) == crc.getValue();
    }

    private static OptionalLong ignored(String why) {
        LOG.warning(() -> FILE + " is not used because " + why + "; the JSON snapshots are read and it is written again");
        return OptionalLong.empty();
    }

    private long[] fingerprint(long stateSeq) throws IOException {
        return new long[] {stateSeq, size(Snapshots.USERS), modified(Snapshots.USERS), size(Snapshots.APPOINTMENTS),
            modified(Snapshots.APPOINTMENTS)};
    }

    private long size(String name) throws IOException {
        Path file = dir.resolve(name);
        return Files.exists(file) ? Files.size(file) : -1;
    }

    private long modified(String name) throws IOException {
        Path file = dir.resolve(name);
        return Files.exists(file) ? Files.getLastModifiedTime(file).toMillis() : -1;
    }
}
