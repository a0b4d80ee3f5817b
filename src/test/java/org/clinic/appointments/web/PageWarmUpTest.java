package org.clinic.appointments.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PageWarmUpTest {

    private static final String CONTEXT = "/clinic";

    private HttpServer site;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final ConcurrentLinkedQueue<String> asked = new ConcurrentLinkedQueue<>();
    private final Map<String, Set<String>> cookiesSent = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> posted = new ConcurrentLinkedQueue<>();

    private static final String SIGN_IN_PAGE = """
            <form id="loginForm" name="loginForm" method="post" action="/clinic/login">
            <input id="loginForm:email" name="loginForm:email" type="email" value=""/>
            <input type="hidden" name="jakarta.faces.ViewState" id="j_id1:jakarta.faces.ViewState:0" value="-41:97" autocomplete="off" />
            </form><script id="s" nonce="Tm9uY2U=">PrimeFaces.cw()</script>""";

    @AfterEach
    void stop() {
        if (site != null) {
            site.stop(0);
        }
        pool.shutdownNow();
    }

    /** A site under {@code /clinic} that answers each request ("GET /login") with the status the function gives it. */
    private URI serve(Function<String, Integer> status) throws IOException {
        site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger sessions = new AtomicInteger();
        site.createContext(CONTEXT, exchange -> answer(exchange, status, sessions));
        site.setExecutor(Executors.newFixedThreadPool(4));
        site.start();
        return URI.create("http://127.0.0.1:" + site.getAddress().getPort() + CONTEXT);
    }

    private void answer(HttpExchange exchange, Function<String, Integer> status, AtomicInteger sessions)
            throws IOException {
        String path = exchange.getRequestURI().getPath().substring(CONTEXT.length());
        String request = exchange.getRequestMethod() + " " + path;
        asked.add(request);
        if ("POST".equals(exchange.getRequestMethod())) {
            posted.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        }
        String cookie = exchange.getRequestHeaders().getFirst("Cookie");
        if (cookie == null) {
            exchange.getResponseHeaders().add("Set-Cookie", "JSESSIONID=s" + sessions.incrementAndGet() + "; Path=" + CONTEXT);
        } else {
            cookiesSent.computeIfAbsent(cookie, c -> ConcurrentHashMap.newKeySet()).add(path);
        }
        byte[] body = "GET /login".equals(request) ? SIGN_IN_PAGE.getBytes(StandardCharsets.UTF_8) : new byte[0];
        exchange.sendResponseHeaders(status.apply(request), body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static PageWarmUp warmUp(URI site, Duration length, int askers) {
        return new PageWarmUp(site, length, askers, Clock.systemUTC());
    }

    @Test
    void asksForEveryPublicPageAgainUntilTheLengthHasPassedEachAskerKeepingOneSession() throws Exception {
        URI site = serve(request -> request.startsWith("GET /patient/") ? 302 : 200);

        long started = System.nanoTime();
        PageWarmUp.Outcome outcome = warmUp(site, Duration.ofMillis(600), 2).run(pool, Duration.ofSeconds(5));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertTrue(outcome.completed(), outcome.stoppedBecause());
        assertTrue(took.compareTo(Duration.ofMillis(600)) >= 0, "asked until the length had passed: " + took);
        assertTrue(outcome.pagesServed() > 2L * PageWarmUp.PAGES.size(), "each asker went round more than once");
        for (String page : PageWarmUp.PAGES) {
            assertTrue(asked.contains("GET " + page), page + " asked for: " + asked.stream().distinct().toList());
        }
        assertTrue(asked.stream().allMatch(request -> request.startsWith("GET ") || request.equals("POST /login")),
                "nothing posted but the sign-in form: " + asked.stream().distinct().toList());
        long signInPages = asked.stream().filter("GET /login"::equals).count() - 1;
        assertEquals(signInPages, posted.size(), "the sign-in form sent back after each sign-in page");
        assertEquals(Set.of("loginForm=loginForm&loginForm%3Aemail=&loginForm%3Apassword=&loginForm%3Alogin="
                + "&jakarta.faces.ViewState=-41%3A97&primefaces.nonce=Tm9uY2U%3D"), Set.copyOf(posted),
                "empty, with the page's view state and nonce, as a browser sends it");
        assertEquals(outcome.pagesServed() + 1, asked.size(), "every page and form counted, plus the first probe");
        assertEquals(2, cookiesSent.size(), "one session per asker, kept across its requests: " + cookiesSent.keySet());
    }

    @Test
    void waitsForTheSiteToAnswerItsSignInPageFirst() throws Exception {
        AtomicInteger probes = new AtomicInteger();
        URI site = serve(request -> "GET /login".equals(request) && probes.incrementAndGet() <= 3 ? 404 : 200);

        PageWarmUp.Outcome outcome = warmUp(site, Duration.ofMillis(100), 1).run(pool, Duration.ofSeconds(10));

        assertTrue(outcome.completed(), outcome.stoppedBecause());
        assertEquals(List.of("GET /login", "GET /login", "GET /login", "GET /login"), asked.stream().limit(4).toList(),
                "asked for the sign-in page until it answered");
        assertTrue(outcome.pagesServed() >= PageWarmUp.PAGES.size());
    }

    @Test
    void everyAskerStopsAtTheFirstErrorAndSaysWhich() throws Exception {
        URI site = serve(request -> "GET /register".equals(request) ? 503 : 200);

        PageWarmUp.Outcome outcome = warmUp(site, Duration.ofSeconds(30), 3).run(pool, Duration.ofSeconds(5));

        assertFalse(outcome.completed());
        assertEquals("HTTP 503 for /register", outcome.stoppedBecause());
        assertTrue(asked.size() <= 1 + 3 * (PageWarmUp.PAGES.size() + 1), "no asker went on after the error: " + asked.size());
    }

    @Test
    void theEmptySignInFormAnsweredOtherwiseThanByItsPageStopsTheWarmUp() throws Exception {
        URI site = serve(request -> "POST /login".equals(request) ? 303 : 200);

        PageWarmUp.Outcome outcome = warmUp(site, Duration.ofSeconds(30), 2).run(pool, Duration.ofSeconds(5));

        assertEquals("HTTP 303 for the empty sign-in form", outcome.stoppedBecause());
        assertTrue(posted.size() <= 2, "each asker posted it once at most: " + posted.size());
    }

    @Test
    void aSiteThatNeverAnswersEndsTheWarmUpAfterTheWaitWithoutAPageServed() throws Exception {
        int closedPort;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = free.getLocalPort();
        }

        PageWarmUp.Outcome outcome = warmUp(URI.create("http://127.0.0.1:" + closedPort + CONTEXT), Duration.ofSeconds(30), 2)
                .run(pool, Duration.ofMillis(500));

        assertFalse(outcome.completed());
        assertEquals(0, outcome.pagesServed());
        assertTrue(outcome.stoppedBecause().contains("ConnectException"), outcome.stoppedBecause());
        assertNull(site);
    }
}
