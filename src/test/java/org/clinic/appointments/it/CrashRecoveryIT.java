package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.clinic.appointments.infrastructure.ledger.LedgerCore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Kills the provisioned server with SIGKILL while clients register accounts through the real pages, restarts it,
 * and checks that every registration the server acknowledged is there, once, in files that load.
 * Rounds: {@code -Dcrash.rounds} (default 3).
 */
class CrashRecoveryIT {

    private static final int PORT_OFFSET = 300;
    private static final int HTTP_PORT = 8080 + PORT_OFFSET;
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final int CLIENTS = 4;

    private Process server;

    @AfterEach
    void killLeftovers() {
        if (server != null) {
            kill(server);
        }
    }

    @Test
    void everyAcknowledgedRegistrationSurvivesSigkill() throws Exception {
        int rounds = Integer.getInteger("crash.rounds", 3);
        Path base = Files.createTempDirectory("appointments-crash-server-");
        copyTree(Path.of(System.getProperty("jboss.home"), "standalone", "configuration"), base.resolve("configuration"));
        Path config = base.resolve("configuration/standalone.xml");
        Files.writeString(config, Files.readString(config).replaceAll("(?s)<deployments>.*?</deployments>", ""));
        Files.createDirectories(base.resolve("deployments"));
        Files.copy(Path.of(System.getProperty("war.file")), base.resolve("deployments/appointments.war"),
                StandardCopyOption.REPLACE_EXISTING);
        Path data = Deployments.freshDataDirectory("crash");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();

        for (int round = 1; round <= rounds; round++) {
            server = start(base, data);
            awaitReady(Duration.ofSeconds(120));
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Thread client = new Thread(() -> registerUntilStopped(running, acknowledged));
                client.start();
                clients.add(client);
            }
            Thread.sleep(ThreadLocalRandom.current().nextLong(2_000, 5_000));
            kill(server);
            running.set(false);
            for (Thread client : clients) {
                client.join(30_000);
            }
        }
        assertTrue(acknowledged.size() > rounds, "the clients got registrations through: " + acknowledged.size());

        server = start(base, data);
        awaitReady(Duration.ofSeconds(120));
        server.toHandle().descendants().forEach(ProcessHandle::destroy);
        server.waitFor();
        server = null;

        try (LedgerCore ledger = LedgerCore.open(data, ZoneId.of("Asia/Kolkata"), Clock.systemUTC(), 0)) {
            List<String> missing = acknowledged.stream().filter(email -> ledger.userByEmail(email).isEmpty()).toList();
            assertEquals(List.of(), missing, "acknowledged registrations lost after SIGKILL");
            Map<String, Long> perEmail = ledger.users().stream()
                    .collect(Collectors.groupingBy(u -> u.getEmail(), Collectors.counting()));
            assertTrue(perEmail.values().stream().allMatch(n -> n == 1), "no account stored twice");
            System.out.printf("Crash test: %d SIGKILL rounds, %d acknowledged registrations, all present%n",
                    rounds, acknowledged.size());
        }
    }

    private void registerUntilStopped(AtomicBoolean running, Set<String> acknowledged) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();
        while (running.get()) {
            String email = "crash-" + UUID.randomUUID() + "@example.com";
            try {
                HttpResponse<String> page = http.send(request("/register").GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                Matcher viewState = VIEW_STATE.matcher(page.body());
                if (!viewState.find()) {
                    continue;
                }
                String form = form(Map.of(
                        "registerForm", "registerForm",
                        "registerForm:name", "Crash Test",
                        "registerForm:email", email,
                        "registerForm:phone", "+91 98765 43210",
                        "registerForm:password", "Monsoon-Tea-42",
                        "registerForm:register", "",
                        "jakarta.faces.ViewState", viewState.group(1)));
                HttpResponse<String> answer = http.send(request("/register")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 302 && answer.headers().firstValue("Location").orElse("").contains("/login")) {
                    acknowledged.add(email);
                }
            } catch (IOException e) {
                sleepQuietly(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT + path)).timeout(Duration.ofSeconds(10));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Process start(Path base, Path data) throws IOException {
        Path script = Path.of(System.getProperty("jboss.home"), "bin", "standalone.sh");
        ProcessBuilder builder = new ProcessBuilder(script.toString(),
                "-Djboss.server.base.dir=" + base,
                "-Djboss.socket.binding.port-offset=" + PORT_OFFSET,
                "-Dappointments.data-dir=" + data,
                "-Dappointments.password-hash-iterations=1024");
        builder.environment().put("JAVA_OPTS", "-Xms128m -Xmx512m -Djava.net.preferIPv4Stack=true");
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve("console.log").toFile()));
        return builder.start();
    }

    private static void awaitReady(Duration limit) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(request("/login").GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        fail("the server did not serve the login page within " + limit + " (it may have refused its data)");
    }

    /** SIGKILL: the JVM gets no chance to flush, close or compact anything. */
    private static void kill(Process process) {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor();
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
