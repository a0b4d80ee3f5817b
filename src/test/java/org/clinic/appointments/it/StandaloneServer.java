package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A second copy of the provisioned WildFly in its own process (a port offset, its own base directory) with the
 * built WAR, for tests that kill the server or limit what it may write.
 */
final class StandaloneServer implements AutoCloseable {

    private final Path base;
    private final Path data;
    private final int portOffset;
    private final List<String> settings;
    private Process process;

    StandaloneServer(Path data, int portOffset, String... settings) throws IOException {
        this.data = data;
        this.portOffset = portOffset;
        this.settings = List.of(settings);
        base = TempDirs.create("appointments-standalone-");
        copyTree(Path.of(System.getProperty("jboss.home"), "standalone", "configuration"), base.resolve("configuration"));
        Path config = base.resolve("configuration/standalone.xml");
        Files.writeString(config, Files.readString(config).replaceAll("(?s)<deployments>.*?</deployments>", ""));
        Files.createDirectories(base.resolve("deployments"));
        Files.copy(Path.of(System.getProperty("war.file")), base.resolve("deployments/appointments.war"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    URL url() {
        try {
            return URI.create("http://127.0.0.1:" + httpPort() + "/").toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    int httpPort() {
        return 8080 + portOffset;
    }

    /** The management interface's port, where {@code /health/ready} answers. */
    int managementPort() {
        return 9990 + portOffset;
    }

    /** Starts the server and waits until it serves the login page. */
    void start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("jboss.home"), "bin", "standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base,
                "-Djboss.socket.binding.port-offset=" + portOffset,
                "-Dappointments.data-dir=" + data,
                "-Dappointments.password-hash-iterations=1024",
                "-Dappointments.payment-test-cards=true",
                "-Dappointments.max-concurrent-hashing=64",
                "-Dappointments.max-registrations-per-address=100000",
                "-Dappointments.warm-up-seconds=0",
                "-Dappointments.working-days=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY"));
        settings.forEach(setting -> command.add("-D" + setting));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_OPTS", "-Xms128m -Xmx512m -Djava.net.preferIPv4Stack=true");
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve("console.log").toFile()));
        process = builder.start();
        awaitReady(Duration.ofSeconds(120));
    }

    /** What the server has written to its console so far (its log, as an operator reads it). */
    String console() throws IOException {
        return Files.readString(base.resolve("console.log"));
    }

    /** The server's JVM (the start script's child). */
    long jvmPid() {
        return process.toHandle().descendants().filter(p -> p.info().command().orElse("").endsWith("java"))
                .findFirst().orElseThrow(() -> new IllegalStateException("no server JVM")).pid();
    }

    private void awaitReady(Duration limit) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1))
                .build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpRequest login = HttpRequest.newBuilder(url().toURI().resolve("/login"))
                        .timeout(Duration.ofSeconds(10)).GET().build();
                if (http.send(login, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
            Thread.sleep(250);
        }
        fail("the server did not serve the login page within " + limit + " (it may have refused its data)");
    }

    /** SIGKILL: the JVM gets no chance to flush, close or compact anything. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
            process = null;
            Thread.sleep(300);
        }
    }

    /** SIGTERM: a normal shutdown (the ledger compacts). */
    void stop() throws InterruptedException {
        if (process != null) {
            process.toHandle().descendants().forEach(ProcessHandle::destroy);
            process.waitFor();
            process = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            paths.forEach(source -> {
                Path target = to.resolve(from.relativize(source).toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
