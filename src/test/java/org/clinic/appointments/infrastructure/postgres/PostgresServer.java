package org.clinic.appointments.infrastructure.postgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A throw-away PostgreSQL server for tests: Debian's {@code postgresql} package ({@code initdb}, {@code pg_ctl}) on a
 * temporary directory and a free port, started once per test JVM, stopped and deleted when it exits. PostgreSQL
 * refuses to run as root, so as root it runs as the {@code postgres} user the package creates.
 */
public final class PostgresServer {

    private static PostgresServer running;

    private final Path bin;
    private final Path dir;
    private final int port;

    private PostgresServer(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    /** The server of this JVM, started on first use. */
    public static synchronized PostgresServer shared() {
        if (running == null) {
            running = start();
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop));
        }
        return running;
    }

    public int port() {
        return port;
    }

    /** A new empty database on this server, owned by the {@code clinic} role. */
    public PGSimpleDataSource createDatabase(String name) {
        run(List.of(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "clinic",
                name));
        return dataSource(name);
    }

    public PGSimpleDataSource dataSource(String database) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setServerNames(new String[] {"127.0.0.1"});
        source.setPortNumbers(new int[] {port});
        source.setDatabaseName(database);
        source.setUser("clinic");
        return source;
    }

    private static PostgresServer start() {
        try {
            Path bin = binaries();
            Path dir = Files.createTempDirectory("clinic-postgres");
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            PostgresServer server = new PostgresServer(bin, dir, port);
            if (asRoot()) {
                run(List.of("chown", "postgres:postgres", dir.toString()));
            }
            server.asOwner(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U",
                    "clinic", "-A", "trust", "-E", "UTF8", "--no-sync"));
            server.asOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-l",
                    dir.resolve("log").toString(), "-o", "-p " + port + " -h 127.0.0.1 -k " + dir + " -F", "start"));
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL could not be started: " + e.getMessage(), e);
        }
    }

    /** Restarts the server as a failover or an upgrade would: every connection open to it breaks. */
    public void restart() {
        asOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-m", "fast",
                "-l", dir.resolve("log").toString(), "restart"));
    }

    /** Stops the server and deletes its directory (unless {@code -DkeepTestData=true}), as {@code TempDirs} does. */
    private void stop() {
        try {
            asOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                    "stop"));
        } finally {
            if (!Boolean.getBoolean("keepTestData")) {
                deleteTree(dir);
            }
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
            System.getLogger(PostgresServer.class.getName()).log(System.Logger.Level.WARNING,
                    "Could not delete " + root + ": " + e.getMessage());
        }
    }

    private static Path binaries() throws IOException {
        Path versions = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(versions)) {
            try (Stream<Path> installed = Files.list(versions)) {
                Path newest = installed.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Path::compareTo).orElse(null);
                if (newest != null) {
                    return newest;
                }
            }
        }
        throw new IllegalStateException("The tests of the PostgreSQL store need PostgreSQL's server programs: install"
                + " Debian's postgresql package (apt-get install postgresql); .ci/run does");
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private void asOwner(List<String> command) {
        List<String> full = new ArrayList<>();
        if (asRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full);
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
