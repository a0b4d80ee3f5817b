package org.clinic.appointments.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.currentLocationRegex;
import static io.gatling.javaapi.http.HttpDsl.headerRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * Patients through the real pages: each virtual user registers and logs in once, then books and pays (at the
 * clinic) again and again: booking page of a random doctor, a random bookable day chosen (AJAX), booking POST
 * of a random free slot (held, durable), payment page, payment POST (confirmed, durable).
 * Admins page and filter the dashboard. Settings (system properties): {@code base} (http://localhost:8080),
 * {@code users} (64 patients), {@code admins} (1: only the clinic's first admin registers with the code; 0 measures
 * the booking flow alone), {@code seconds} (60), {@code doctors} (ids to spread over:
 * {@code doc1..doc8} and {@code gen-doc1..gen-docN}, give N), {@code adminCode}, {@code think} (0 ms: each patient
 * asks for the next page as soon as one is answered; N: a patient's pause after each page they read, N/2 to 3N/2 ms).
 */
public class BookingSimulation extends Simulation {

    private static final String BASE = System.getProperty("base", "http://localhost:8080");
    private static final int USERS = Integer.getInteger("users", 64);
    private static final int ADMINS = Integer.getInteger("admins", 1);
    private static final int SECONDS = Integer.getInteger("seconds", 60);
    private static final int GENERATED_DOCTORS = Integer.getInteger("doctors", 0);
    private static final String ADMIN_CODE = System.getProperty("adminCode", "");
    /** A patient's reading and choosing time after each page they see, in ms (0: none, the stress test). */
    private static final int THINK = Integer.getInteger("think", 0);
    private static final String PASSWORD = "Monsoon-Tea-42";
    /** A slot that can be chosen: its radio button (taken slots have none). */
    private static final String FREE_TIME = "name=\"bookForm:time\" id=\"bookForm:time:\\d+\" value=\"([^\"]+)\" />";
    private static final List<String> FILTERS = List.of("", "?status=confirmed", "?doctor=doc1", "?payment=Pending",
            "?sort=patient", "?sort=doctor&order=desc", "?method=UPI&status=confirmed");

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE).disableCaching()
.acceptHeader("text/html,application/xhtml+xml")
            .header("X-Forwarded-For", "#{address}");

    /** Each patient from an address of their own, as at a real clinic (the server must trust 127.0.0.1 as a proxy). */
    private static final java.util.concurrent.atomic.AtomicInteger ADDRESSES = new java.util.concurrent.atomic.AtomicInteger();

    /** Every patient has logged in: from here on the server does only the booking flow (docs/bench/load-run.sh). */
    private static final java.util.concurrent.atomic.AtomicBoolean FLOW_STARTED = new java.util.concurrent.atomic.AtomicBoolean();

    private static ChainBuilder ownAddress() {
        return exec(session -> {
            int n = ADDRESSES.incrementAndGet();
            return session.set("address", "10.20." + (n / 250) + "." + (n % 250 + 1));
        });
    }

    /** A form post with the view state and script nonce of the page it came from, as the browser sends them. */
    private static HttpRequestActionBuilder facesPost(String name, String path) {
        return http(name).post(path)
                .formParam("jakarta.faces.ViewState", "#{viewState}")
                .formParam("primefaces.nonce", "#{nonce}");
    }

    private static ChainBuilder formPage(String name, String path) {
        return exec(http(name).get(path)
                .check(css("input[name='jakarta.faces.ViewState']", "value").saveAs("viewState"))
                .check(regex("nonce=\"([^\"]+)\"").saveAs("nonce")));
    }

    private static String doctor() {
        int n = ThreadLocalRandom.current().nextInt(8 + GENERATED_DOCTORS);
        return n < 8 ? "doc" + (n + 1) : "gen-doc" + (n - 7);
    }

    private static ChainBuilder registerAndLogin(String portal, boolean admin) {
        ChainBuilder register = formPage("register page", portal + "/register")
                .exec(session -> session.set("email", "load-" + java.util.UUID.randomUUID() + "@example.com"))
                .exec(facesPost("register", portal + "/register")
                        .formParam("registerForm", "registerForm")
                        .formParam("registerForm:name", admin ? "Load Admin" : "Load Patient")
                        .formParam("registerForm:email", "#{email}")
                        .formParam("registerForm:phone", "+91 98765 43210")
                        .formParam("registerForm:password", PASSWORD)
                        .formParam("registerForm:adminCode", ADMIN_CODE)
                        .formParam("registerForm:register", ""));
        return register.exec(formPage("login page", portal + "/login"))
                .exec(facesPost("login", portal + "/login")
                        .formParam("loginForm", "loginForm")
                        .formParam("loginForm:email", "#{email}")
                        .formParam("loginForm:password", PASSWORD)
                        .formParam("loginForm:login", "")
                        .check(currentLocationRegex(admin ? ".*/admin/.*" : ".*/patient/.*")));
    }

    /** Half to one and a half times {@link #THINK}, at random; nothing when it is 0. */
    private static ChainBuilder think() {
        return THINK == 0 ? exec(session -> session)
                : exec(pause(Duration.ofMillis(THINK / 2), Duration.ofMillis(THINK * 3L / 2)));
    }

    private final ChainBuilder bookAndPay = exec(session -> session.set("doctor", doctor()))
            .exec(http("booking page").get("/patient/book?doctor=#{doctor}")
                    .check(css("input[name='jakarta.faces.ViewState']", "value").saveAs("viewState"))
                    .check(regex("nonce=\"([^\"]+)\"").saveAs("nonce"))
                    .check(regex("<a id=\"day-[^\"]+\" href=\"([^\"]+)\" class=\"day")
                            .findRandom().transform(href -> href == null ? null : href.replace("&amp;", "&")).optional().saveAs("dayLink")))
            .exec(think())
            .doIf(session -> session.contains("dayLink")).then(
                    exec(http("choose day").get("#{dayLink}")
                            .check(css("input[name='jakarta.faces.ViewState']", "value").saveAs("viewState"))
                            .check(regex("nonce=\"([^\"]+)\"").saveAs("nonce"))
                            .check(regex(FREE_TIME).findRandom().optional().saveAs("time")))
                    .exec(think()))
            .doIf(session -> session.contains("time")).then(
                    exec(facesPost("booking POST", "/patient/book?doctor=#{doctor}")
                            .formParam("bookForm", "bookForm")
                            .formParam("bookForm:time", "#{time}")
                            .formParam("bookForm:reason", "Load test visit")
                            .formParam("bookForm:submit", "")
                            .disableFollowRedirect()
                            .check(status().in(200, 302))
                            .check(headerRegex("Location", "/patient/pay\\?id=([0-9a-f-]{36})").optional().saveAs("appointment")))
                    .doIf(session -> session.contains("appointment")).then(
                            exec(http("payment page").get("/patient/pay?id=#{appointment}")
                                    .check(css("input[name='jakarta.faces.ViewState']", "value").saveAs("viewState"))
                                    .check(regex("nonce=\"([^\"]+)\"").saveAs("nonce")))
                            .exec(think())
                            .exec(facesPost("payment POST", "/patient/pay?id=#{appointment}")
                                    .formParam("payForm", "payForm")
                                    .formParam("payForm:method", "PAY_AT_CLINIC")
                                    .formParam("payForm:pay", "")
                                    .disableFollowRedirect()
                                    .check(status().is(302))
                                    .check(headerRegex("Location", "payment-result").exists()))))
            .exec(session -> session.remove("day").remove("time").remove("appointment"))
            .exec(think());

    private final ScenarioBuilder patients = scenario("patients")
            .exec(ownAddress())
            .exec(registerAndLogin("", false))
            .rendezVous(USERS)
            .exec(session -> {
                if (FLOW_STARTED.compareAndSet(false, true)) {
                    System.out.println("booking flow started at " + System.currentTimeMillis());
                }
                return session;
            })
            .during(Duration.ofSeconds(SECONDS)).on(bookAndPay);

    private final ScenarioBuilder admins = scenario("admins")
            .exec(ownAddress())
            .exec(registerAndLogin("/admin", true))
            .during(Duration.ofSeconds(SECONDS)).on(exec(session -> session.set("filter", FILTERS.get(ThreadLocalRandom.current().nextInt(FILTERS.size()))))
                    .exec(http("dashboard").get("/admin/dashboard#{filter}").check(status().is(200)))
                    .pause(Duration.ofMillis(200)));

    {
        setUp(patients.injectOpen(atOnceUsers(USERS)), admins.injectOpen(atOnceUsers(ADMINS)))
                .protocols(protocol)
                .maxDuration(Duration.ofSeconds(SECONDS + 120));
    }
}
