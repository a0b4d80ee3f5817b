package org.clinic.appointments.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HAProxy (Debian's {@code haproxy}) running the README's configuration in front of two nodes, with only what a
 * test on one machine must change: local addresses and ports, and plain HTTP (no certificate, so the balancer's
 * cookie without its {@code secure} flag).
 */
final class ReadmeBalancer implements AutoCloseable {

    private static final Pattern CONFIGURATION = Pattern.compile("(?s)For HAProxy.*?```\\n(.*?)```");

    private final int port;
    private final int plainPort;
    private final Process process;

    ReadmeBalancer(StandaloneServer nodeA, StandaloneServer nodeB) throws IOException, InterruptedException {
        Path haproxy = Path.of("/usr/sbin/haproxy");
        if (!Files.isExecutable(haproxy)) {
            throw new IllegalStateException("The balancer test needs HAProxy: apt-get install haproxy (.ci/run does)");
        }
        Matcher readme = CONFIGURATION.matcher(Files.readString(Path.of("README.md")));
        if (!readme.find()) {
            throw new IllegalStateException("README.md shows no HAProxy configuration");
        }
        port = freePort();
        plainPort = freePort();
        String configuration = readme.group(1)
                .replaceFirst("bind :443 ssl crt \\S+", "bind 127.0.0.1:" + port)
                .replaceFirst("bind :80\\b", "bind 127.0.0.1:" + plainPort)
                .replaceFirst(" httponly secure", " httponly")
                .replaceFirst("10\\.0\\.0\\.11:8080 check port 9990",
                        "127.0.0.1:" + nodeA.httpPort() + " check port " + nodeA.managementPort())
                .replaceFirst("10\\.0\\.0\\.12:8080 check port 9990",
                        "127.0.0.1:" + nodeB.httpPort() + " check port " + nodeB.managementPort());
        Path file = TempDirs.create("haproxy-").resolve("haproxy.cfg");
        Files.writeString(file, configuration);
        Process check = new ProcessBuilder(haproxy.toString(), "-c", "-f", file.toString()).redirectErrorStream(true)
                .start();
        String checked = new String(check.getInputStream().readAllBytes());
        if (!check.waitFor(30, TimeUnit.SECONDS) || check.exitValue() != 0 || checked.contains("WARNING")) {
            throw new IllegalStateException("HAProxy finds fault with the README's configuration:\n" + checked);
        }
        process = new ProcessBuilder(haproxy.toString(), "-db", "-f", file.toString()).redirectErrorStream(true)
                .redirectOutput(file.resolveSibling("haproxy.log").toFile()).start();
        awaitListening();
    }

    URL url() {
        return local(port);
    }

    /** Where the README's {@code bind :80} listens here. */
    URL plainHttpUrl() {
        return local(plainPort);
    }

    private static URL local(int port) {
        try {
            return URI.create("http://127.0.0.1:" + port + "/").toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitListening() throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("HAProxy did not listen on " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
