package org.clinic.appointments.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Payara Micro 6 running the WAR the build made, on a free port, until {@link #stop()}. */
final class PayaraMicroServer {

    private final Process process;
    private final Path log;
    private final URL baseUrl;

    private PayaraMicroServer(Process process, Path log, URL baseUrl) {
        this.process = process;
        this.log = log;
        this.baseUrl = baseUrl;
    }

    /** Starts it in {@code work} with these environment variables and extra options, and waits for the home page. */
    static PayaraMicroServer start(Path work, Map<String, String> environment, List<String> options)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = work.resolve("payara.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-Dhazelcast.phone.home.enabled=false", "-Djava.io.tmpdir=" + work,
                "-jar", System.getProperty("payara.micro.jar"),
                "--deploy", System.getProperty("war.file"), "--port", String.valueOf(port), "--contextroot", "/",
                "--nocluster", "--disablephonehome", "--rootdir", work.resolve("payara").toString()));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("APPOINTMENTS_WARM_UP_SECONDS", "0");
        builder.environment().putAll(environment);
        PayaraMicroServer server = new PayaraMicroServer(builder.start(), log,
                URI.create("http://localhost:" + port + "/").toURL());
        server.waitUntilServing();
        return server;
    }

    URL baseUrl() {
        return baseUrl;
    }

    private void waitUntilServing() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        WebClient probe = new WebClient(baseUrl);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro stopped:\n" + tail());
            }
            try {
                if (probe.get("/").statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        stop();
        throw new IllegalStateException("Payara Micro did not serve the home page within 3 minutes:\n" + tail());
    }

    /** The end of its log, for a failure's message. */
    String tail() throws IOException {
        String text = Files.readString(log);
        return text.substring(Math.max(0, text.length() - 6000));
    }

    void stop() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
