package org.clinic.appointments.infrastructure.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;

/**
 * The ledger's data directory: taken by one server at a time, files replaced atomically (temp file, fsync,
 * rename, fsync of the directory), and load problems named by file, line and column.
 */
final class DataDirectory implements AutoCloseable {

    static final String LOCK = ".lock";
    private static final Logger LOG = Logger.getLogger(DataDirectory.class.getName());

    private final Path dir;
    private FileChannel lockChannel;
    private FileLock lock;

    DataDirectory(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    Path path() {
        return dir;
    }

    Path resolve(String name) {
        return dir.resolve(name);
    }

    /** Takes the directory for this process alone; fails when it is missing rights or used by another server. */
    void lock() {
        try {
            createOwnerOnlyDirectories(dir);
            if (!Files.isWritable(dir)) {
                throw new LedgerLoadException("Data directory " + dir + " is not writable.");
            }
            ownerOnly(dir);
            lockChannel = openOwnerOnly(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
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

    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Replaces {@code name} with the content, or leaves it as it was. */
    void writeAtomically(String name, Content content) throws IOException {
        Path target = dir.resolve(name);
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel channel = openOwnerOnly(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream stream = new java.io.BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            try {
                content.writeTo(new java.io.FilterOutputStream(stream) {
                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        out.write(bytes, offset, length);
                    }

                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                });
            } catch (RuntimeException e) {
                throw new IOException(e.getMessage(), e);
            }
            stream.flush();
            channel.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        fsync(target.getParent());
    }

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    /**
     * Opens a file of the data directory; one it creates is readable and writable by the server's user only
     * (0600), whatever the umask: it holds health data.
     */
    static FileChannel openOwnerOnly(Path file, OpenOption... options) throws IOException {
        boolean created = !Files.exists(file);
        FileChannel channel = POSIX
                ? FileChannel.open(file, Set.of(options), PosixFilePermissions.asFileAttribute(OWNER_FILE))
                : FileChannel.open(file, options);
        if (created) {
            ownerOnly(file);
        }
        return channel;
    }

    /** Creates the directory and any missing parents as 0700. */
    static Path createOwnerOnlyDirectories(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
            ownerOnly(directory);
        }
        return directory;
    }

    /** Leaves the file or directory to the server's user only (0600 or 0700). */
    static void ownerOnly(Path path) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(path, Files.isDirectory(path) ? OWNER_DIRECTORY : OWNER_FILE);
        }
    }

    /** Free space for this process in the file system holding the path; -1 when it cannot be read. */
    static long usableSpace(Path path) {
        try {
            return Files.getFileStore(path).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    static void fsync(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Names the line of a syntax error when there is one; otherwise the mapping problem. */
    static LedgerLoadException problemIn(Path file, Exception cause) {
        try (InputStream in = Files.newInputStream(file); JsonParser parser = Jsonp.PROVIDER.createParser(in)) {
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

    @Override
    public void close() {
        try {
            if (lock != null) {
                lock.release();
            }
        } catch (IOException e) {
            LOG.fine(() -> "Lock release: " + e.getMessage());
        }
        closeQuietly(lockChannel);
    }

    static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.fine(() -> "Close: " + e.getMessage());
            }
        }
    }
}
