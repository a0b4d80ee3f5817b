package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Behind a TLS-terminating proxy listed in appointments.trusted-proxies (here 127.0.0.1, where the tests run):
 * HTTPS requests get HSTS and Secure cookies, and throttles count the client's address, not the proxy's.
 * The forwarded headers of anyone else (a socket from 127.0.0.2) change nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TrustedProxyIT {

    @Deployment(testable = false)
    static WebArchive behindProxy() {
        return Deployments.app("trusted-proxy", false, "appointments.trusted-proxies=127.0.0.1",
                "appointments.max-registrations-per-address=2");
    }

    @ArquillianResource
    URL baseUrl;

    private WebClient client(String address, String proto) {
        return new WebClient(baseUrl, Map.of("X-Forwarded-For", "198.51.100.250, " + address, "X-Forwarded-Proto", proto));
    }

    @Test
    void httpsThroughTheProxyGetsHstsAndSecureCookies() {
        HttpResponse<String> page = client("203.0.113.20", "https").get("/login");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Strict-Transport-Security").orElse("").startsWith("max-age="),
                "HSTS: " + page.headers().map());
        List<String> cookies = page.headers().allValues("Set-Cookie");
        assertFalse(cookies.isEmpty(), "the login page starts a session");
        cookies.forEach(cookie -> assertTrue(cookie.toLowerCase(Locale.ROOT).contains("; secure"), cookie));
    }

    @Test
    void plainHttpGetsNeither() {
        HttpResponse<String> page = client("203.0.113.20", "http").get("/login");
        assertTrue(page.headers().firstValue("Strict-Transport-Security").isEmpty());
        page.headers().allValues("Set-Cookie")
                .forEach(cookie -> assertFalse(cookie.toLowerCase(Locale.ROOT).contains("secure"), cookie));
    }

    @Test
    void anUntrustedPeerCannotClaimHttps() throws IOException {
        String answer = rawGetFrom("127.0.0.2", "/login", "X-Forwarded-Proto: https\r\nX-Forwarded-For: 203.0.113.30\r\n");
        String headers = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
        assertTrue(headers.startsWith("http/1.1 200"), headers);
        assertTrue(headers.contains("set-cookie:"), headers);
        assertFalse(headers.contains("strict-transport-security"), headers);
        assertFalse(headers.contains("secure"), headers);
    }

    // The form tests say "http": this client talks plain HTTP to the server, so it would not send a Secure cookie back.
    @Test
    void signUpsAreCountedPerClientBehindTheProxy() {
        WebClient first = client("203.0.113.21", "http");
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> done = first.submit("/register", "registerForm", "register", fields("first" + i));
            assertEquals(302, done.statusCode(), "sign-up " + i + " of the first client");
        }
        HttpResponse<String> third = first.submit("/register", "registerForm", "register", fields("first2"));
        assertEquals(200, third.statusCode());
        assertTrue(third.body().contains("Too many accounts have been created from your network"), third.body());

        HttpResponse<String> other = client("203.0.113.22", "http")
                .submit("/register", "registerForm", "register", fields("other"));
        assertEquals(302, other.statusCode(), "another client behind the same proxy is not held back");
    }

    @Test
    void failedLoginsAreCountedPerClientBehindTheProxy() {
        WebClient guesser = client("203.0.113.23", "http");
        for (int i = 0; i < 5; i++) {
            assertFalse(guesser.login("", "nobody-" + i + "@example.com", "Wrong-password-" + i).body()
                    .contains("Too many failed attempts"), "guess " + i + " is heard");
        }
        assertTrue(guesser.login("", "nobody-5@example.com", "Wrong-password-5").body()
                .contains("Too many failed attempts"), "the guesser's address is throttled");
        assertFalse(client("203.0.113.24", "http").login("", "someone@example.com", "Wrong-password-x").body()
                .contains("Too many failed attempts"), "another client behind the same proxy is not");
    }

    private static Map<String, String> fields(String name) {
        return Map.of("name", "Proxy Patient", "email", "proxy-" + name + "-" + System.nanoTime() + "@example.com",
                "phone", "+91 98765 43210", "password", WebClient.PASSWORD);
    }

    /** One HTTP/1.1 GET from the given local address, answered as raw text. */
    private String rawGetFrom(String localAddress, String path, String extraHeaders) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress(baseUrl.getHost(), baseUrl.getPort()), 5000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + baseUrl.getHost() + "\r\n" + extraHeaders
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
