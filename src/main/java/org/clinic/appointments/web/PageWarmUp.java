package org.clinic.appointments.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks the site for its public pages, again and again for a while, so that the JIT compiles the page tier's code
 * (the Faces lifecycle, the renderers, the security chain) before patients arrive instead of during their first
 * minutes. Each asker keeps one session, like a browser, and sends the sign-in form back empty, which the form's
 * validation refuses: nothing is written and no sign-in is tried.
 */
final class PageWarmUp {

    /** The pages asked for: public ones, and a patient page that sends the asker to sign in. */
    static final List<String> PAGES = List.of("/", "/login", "/register", "/forgot", "/patient/book");

    private static final String SIGN_IN = "/login";
    private static final String SIGN_IN_FORM = "loginForm";
    private static final List<String> SIGN_IN_FIELDS = List.of("email", "password", "login");
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** What a warm-up did: the pages served, and why it stopped early, if it did. */
    record Outcome(long pagesServed, String stoppedBecause) {

        boolean completed() {
            return stoppedBecause == null;
        }
    }

    private final URI site;
    private final Duration length;
    private final int askers;
    private final Clock clock;

    PageWarmUp(URI site, Duration length, int askers, Clock clock) {
        this.site = site;
        this.length = length;
        this.askers = askers;
        this.clock = clock;
    }

    /**
     * Waits up to {@code reachableWithin} for the sign-in page to answer, then keeps {@code askers} asking on
     * {@code executor} until the length has passed. The first answer that is neither a page nor a redirect, or a
     * page that does not answer in time, stops every asker: a server in trouble gets no more load from its warm-up.
     */
    Outcome run(ExecutorService executor, Duration reachableWithin) throws InterruptedException {
        HttpClient probe = client();
        Instant giveUp = clock.instant().plus(reachableWithin);
        String unreachable = firstAnswer(probe, giveUp);
        if (unreachable != null) {
            return new Outcome(0, unreachable);
        }
        Instant end = clock.instant().plus(length);
        List<Future<Long>> asking = new ArrayList<>();
        Stop stop = new Stop();
        for (int i = 0; i < askers; i++) {
            asking.add(executor.submit(asker(end, stop)));
        }
        long served = 0;
        for (Future<Long> asker : asking) {
            try {
                served += asker.get();
            } catch (ExecutionException e) {
                stop.because(e.getCause().toString());
            }
        }
        return new Outcome(served, stop.reason);
    }

    private String firstAnswer(HttpClient client, Instant giveUp) throws InterruptedException {
        String last = "no answer";
        while (true) {
            try {
                int status = client.send(get(SIGN_IN), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return null;
                }
                last = "HTTP " + status + " for " + SIGN_IN;
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            if (!clock.instant().isBefore(giveUp)) {
                return last;
            }
            Thread.sleep(200);
        }
    }

    private Callable<Long> asker(Instant end, Stop stop) {
        return () -> {
            HttpClient client = client();
            long served = 0;
            while (stop.reason == null && clock.instant().isBefore(end)) {
                for (String page : PAGES) {
                    HttpResponse<String> answer = client.send(get(page), HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() >= 400) {
                        stop.because("HTTP " + answer.statusCode() + " for " + page);
                        return served;
                    }
                    served++;
                    if (SIGN_IN.equals(page)) {
                        int status = client.send(emptySignIn(answer.body()), HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                        if (status != 200) {
                            stop.because("HTTP " + status + " for the empty sign-in form");
                            return served;
                        }
                        served++;
                    }
                }
            }
            return served;
        };
    }

    /**
     * The sign-in form sent back empty, as a browser would send it with the page's view state and script nonce: the
     * form's validation refuses it before any sign-in is tried, so it counts against no one.
     */
    private HttpRequest emptySignIn(String page) {
        StringBuilder form = new StringBuilder(SIGN_IN_FORM + "=" + SIGN_IN_FORM);
        for (String field : SIGN_IN_FIELDS) {
            form.append('&').append(encode(SIGN_IN_FORM + ":" + field)).append('=');
        }
        hidden(VIEW_STATE, page).ifPresent(state -> form.append("&jakarta.faces.ViewState=").append(encode(state)));
        hidden(NONCE, page).ifPresent(nonce -> form.append("&primefaces.nonce=").append(encode(nonce)));
        return HttpRequest.newBuilder(URI.create(site + SIGN_IN)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
    }

    private static Optional<String> hidden(Pattern value, String page) {
        Matcher found = value.matcher(page);
        return found.find() ? Optional.of(found.group(1)) : Optional.empty();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(REQUEST_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private HttpRequest get(String page) {
        return HttpRequest.newBuilder(URI.create(site + page)).timeout(REQUEST_TIMEOUT).GET().build();
    }

    /** The first reason any asker stopped for; every asker stops when there is one. */
    private static final class Stop {

        private volatile String reason;

        synchronized void because(String why) {
            if (reason == null) {
                reason = why;
            }
        }
    }
}
