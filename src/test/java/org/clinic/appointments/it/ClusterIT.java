package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.AppointmentStatus;
import org.clinic.appointments.infrastructure.postgres.PostgresBook;
import org.clinic.appointments.infrastructure.postgres.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two WildFly nodes (port offsets) on one PostgreSQL database, behind the README's HAProxy configuration for the first
 * test and the last: a patient signed in through it stays on their node, and when that node dies is sent to the
 * other to sign in again. Patients racing across both for one slot get one
 * booking, and when one node is SIGKILLed under load the other keeps serving and nothing acknowledged is lost. When
 * the database restarts, the connections the node had pooled are broken, and its patients do not notice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    private static final int RACERS = 200;
    /** The README's advice: the same device key on every node. */
    private static final String DEVICE_KEY = "cluster-test-device-key-" + UUID.randomUUID();
    private static final String[] DOCTORS = {"doc2", "doc3", "doc4", "doc5", "doc6", "doc7", "doc8"};

    private static DataSource database;
    private static StandaloneServer nodeA;
    private static StandaloneServer nodeB;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        database = postgres.createDatabase("cluster");
        String[] settings = {"appointments.store=postgresql",
            "appointments.db.url=jdbc:postgresql://127.0.0.1:" + postgres.port() + "/cluster",
            "appointments.db.user=clinic",
            "appointments.device-key=" + DEVICE_KEY,
            // 32 racers open their booking pages at once; the line (FairLineIT) could show some of them its page
            "appointments.line-limit=0"};
        nodeA = new StandaloneServer(Deployments.freshDataDirectory("node-a"), 500, settings);
        nodeB = new StandaloneServer(Deployments.freshDataDirectory("node-b"), 600, settings);
        ExecutorService starting = Executors.newFixedThreadPool(2);
        List<Future<Object>> started = List.of(starting.submit(() -> start(nodeA)), starting.submit(() -> start(nodeB)));
        for (Future<Object> node : started) {
            node.get(240, TimeUnit.SECONDS);
        }
        starting.shutdown();
    }

    private static Object start(StandaloneServer node) throws Exception {
        node.start();
        return null;
    }

    @AfterAll
    static void stopNodes() throws InterruptedException {
        if (nodeA != null) {
            nodeA.close();
        }
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    @Order(1)
    void aPatientSignedInThroughTheReadmesBalancerStaysOnTheirNode() throws Exception {
        try (ReadmeBalancer balancer = new ReadmeBalancer(nodeA, nodeB)) {
            WebClient patient = new WebClient(balancer.url());
            String email = "balanced-" + UUID.randomUUID() + "@example.com";
            patient.submit("/register", "registerForm", "register", Map.of("name", "Balanced Patient", "email", email,
                    "phone", "+91 98765 43210", "password", WebClient.PASSWORD));
            assertEquals(302, patient.login("", email, WebClient.PASSWORD).statusCode(), "signed in through the balancer");
            String cookies = patient.cookieHeader();
            assertTrue(cookies.contains("CLINICNODE="), "the balancer names the patient's node: " + cookies);
            for (int i = 0; i < 6; i++) {
                HttpClient connectionOfItsOwn = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                HttpResponse<String> page = connectionOfItsOwn.send(HttpRequest.newBuilder(
                        balancer.url().toURI().resolve("/patient/appointments")).header("Cookie", cookies).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, page.statusCode(), "request " + i + ", on a connection of its own, reaches the node"
                        + " that holds the session");
            }
            HttpResponse<Void> plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                    HttpRequest.newBuilder(balancer.plainHttpUrl().toURI().resolve("/patient/book?doctor=doc1")).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertEquals(302, plain.statusCode(), "plain HTTP is sent to HTTPS");
            assertTrue(plain.headers().firstValue("Location").orElse("").matches("https://[^/]+/patient/book\\?doctor=doc1"),
                    "the same page: " + plain.headers().firstValue("Location"));
        }
    }

    @Test
    @Order(2)
    void passwordsGuessedAtOneNodeAreSlowedAtTheOther() throws Exception {
        String email = "guessed-" + UUID.randomUUID() + "@example.com";
        new WebClient(nodeA.url()).submit("/register", "registerForm", "register", Map.of("name", "Guessed Patient",
                "email", email, "phone", "+91 98765 43210", "password", WebClient.PASSWORD));
        try {
            // five failures are heard at once; the sixth after 2 s, and it holds the next attempt back for 4 s
            for (int i = 0; i < 6; i++) {
                if (i == 5) {
                    Thread.sleep(2_500);
                }
                HttpResponse<String> wrong = new WebClient((i % 2 == 0 ? nodeA : nodeB).url()).login("", email,
                        "wrong-password-" + i);
                assertEquals(200, wrong.statusCode(), "guess " + i + " is answered as wrong");
                assertFalse(wrong.body().contains("Too many failed attempts"), "guess " + i + " is heard");
            }
            HttpResponse<String> next = new WebClient(nodeA.url()).login("", email, WebClient.PASSWORD);
            assertEquals(200, next.statusCode(), "not signed in, even with the right password");
            assertTrue(next.body().contains("Too many failed attempts"), "six failures, three at each node, hold"
                    + " back the next attempt at either");
            Set<String> pseudonyms = new HashSet<>();
            for (StandaloneServer node : List.of(nodeA, nodeB)) {
                Matcher logged = Pattern.compile("Login failures: \\d+ for account #([0-9a-f]+)").matcher(node.console());
                assertTrue(logged.find(), "the fifth and sixth failures are logged, one at each node");
                do {
                    pseudonyms.add(logged.group(1));
                } while (logged.find());
            }
            assertEquals(1, pseudonyms.size(), "with one device key the two nodes name the account alike: " + pseudonyms);
        } finally {
            // every test here signs in from 127.0.0.1, whose failures these are
            try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
                s.execute("TRUNCATE abuse_tallies");
            }
        }
    }

    @Test
    @Order(3)
    void patientsRacingAcrossBothNodesForOneSlotLeaveOneBooking() throws Exception {
        LocalDate day = LocalDate.now(ZONE).plusDays(3);
        String time = "10:00 AM";
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<WebClient.FormPage>> ready = new ArrayList<>();
        List<WebClient> patients = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            WebClient patient = new WebClient((i % 2 == 0 ? nodeA : nodeB).url());
            patients.add(patient);
            int n = i;
            ready.add(pool.submit(() -> {
                String email = "racer-" + n + "-" + UUID.randomUUID() + "@example.com";
                patient.submit("/register", "registerForm", "register", Map.of("name", "Racer " + n, "email", email,
                        "phone", "+91 98765 43210", "password", WebClient.PASSWORD));
                for (int attempt = 0; patient.login("", email, WebClient.PASSWORD).statusCode() != 302; attempt++) {
                    assertTrue(attempt < 20, "racer " + n + " logs in");
                    Thread.sleep(500);
                }
                return patient.open("/patient/book?doctor=doc1&date=" + day);
            }));
        }
        List<WebClient.FormPage> pages = new ArrayList<>();
        for (Future<WebClient.FormPage> page : ready) {
            pages.add(page.get(300, TimeUnit.SECONDS));
        }
        pages.stream().filter(p -> !p.body().contains("value=\"" + time + "\"")).findFirst().ifPresent(p -> {
            throw new AssertionError("every racer is offered " + time + "; one got " + p.path() + ": "
                    + p.body().replaceAll("(?s)<script.*?</script>|<style.*?</style>|<[^>]+>", " ").replaceAll("\\s+", " "));
        });

        CountDownLatch go = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> winners = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> surprises = new ConcurrentLinkedQueue<>();
        AtomicInteger toldTaken = new AtomicInteger();
        List<Future<?>> racing = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            WebClient patient = patients.get(i);
            WebClient.FormPage page = pages.get(i);
            racing.add(pool.submit(() -> {
                go.await();
                HttpResponse<String> answer = patient.post(page, "bookForm", "submit",
                        Map.of("time", time, "reason", "Race"));
                String location = answer.headers().firstValue("Location").orElse("");
                if (answer.statusCode() == 302 && location.contains("/patient/pay")) {
                    winners.add(location);
                } else if (answer.statusCode() == 200 && answer.body().contains("This slot was just taken")) {
                    toldTaken.incrementAndGet();
                } else if (answer.statusCode() >= 500) {
                    surprises.add(answer.statusCode() + " " + location);
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> racer : racing) {
            racer.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertEquals(List.of(), List.copyOf(surprises), "no server error");
        assertEquals(1, winners.size(), "one winner: " + winners);
        assertEquals(1, count("SELECT count(*) FROM appointments WHERE doctor_id = 'doc1' AND date = '" + day
                + "' AND time = '" + time + "' AND takes_slot"));
        assertTrue(toldTaken.get() > RACERS / 2, "the others are told the slot was just taken: " + toldTaken.get());
        System.out.printf("Cluster race: %d patients on two nodes for one slot: 1 booking, %d told it was just taken%n",
                RACERS, toldTaken.get());
    }

    @Test
    @Order(4)
    void whenANodeIsKilledUnderLoadTheOtherServesAndNothingAcknowledgedIsLost() throws Exception {
        Map<String, String> held = new ConcurrentHashMap<>();
        Set<String> paid = ConcurrentHashMap.newKeySet();
        Set<String> heldOnBAfterKill = ConcurrentHashMap.newKeySet();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> errorsOnB = new ConcurrentLinkedQueue<>();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                int attempt = 0;
                while (running.get()) {
                    attempt++;
                    boolean onA = client % 2 == 0 && !killed.get();
                    StandaloneServer node = onA ? nodeA : nodeB;
                    try {
                        WebClient patient = new WebClient(node.url());
                        String email = "load-" + UUID.randomUUID() + "@example.com";
                        patient.submit("/register", "registerForm", "register", Map.of("name", "Load Patient",
                                "email", email, "phone", "+91 98765 43210", "password", WebClient.PASSWORD));
                        if (patient.login("", email, WebClient.PASSWORD).statusCode() != 302) {
                            continue;
                        }
                        for (int i = 0; i < 3 && running.get(); i++) {
                            String id;
                            try {
                                id = patient.holdFirstFreeSlot(DOCTORS[(client + attempt + i) % DOCTORS.length], "Load");
                            } catch (IllegalStateException refusedOrTaken) {
                                if (!onA && refusedOrTaken.getMessage().startsWith("Booking answered 5")) {
                                    errorsOnB.add(refusedOrTaken.getMessage());
                                }
                                continue;
                            }
                            held.put(id, email);
                            if (!onA && killed.get()) {
                                heldOnBAfterKill.add(id);
                            }
                            HttpResponse<String> payment = patient.payAtClinic(id);
                            if (payment.statusCode() == 302) {
                                paid.add(id);
                            } else if (!onA && payment.statusCode() >= 500) {
                                errorsOnB.add("payment " + payment.statusCode());
                            }
                        }
                    } catch (UncheckedIOException | IllegalStateException nodeGone) {
                        if (!onA) {
                            errorsOnB.add(String.valueOf(nodeGone.getMessage()));
                        }
                    }
                }
            });
            thread.start();
            clients.add(thread);
        }
        Thread.sleep(8_000);
        nodeA.kill();
        killed.set(true);
        Thread.sleep(8_000);
        running.set(false);
        for (Thread client : clients) {
            client.join(60_000);
        }

        assertTrue(held.size() > 8, "bookings got through: " + held.size());
        assertTrue(heldOnBAfterKill.size() > 0, "the other node kept booking after the kill");
        assertEquals(List.of(), List.copyOf(errorsOnB), "the other node answered every request");
        PostgresBook book = new PostgresBook(database, ZONE, Clock.systemUTC());
        for (Map.Entry<String, String> booking : held.entrySet()) {
            Appointment stored = book.appointment(booking.getKey())
                    .orElseThrow(() -> new AssertionError("acknowledged booking lost: " + booking.getKey()));
            assertEquals(book.userByEmail(booking.getValue()).orElseThrow().getId(), stored.getUserId());
        }
        for (String id : paid) {
            assertEquals(AppointmentStatus.CONFIRMED, book.appointment(id).orElseThrow().getStatus(),
                    "acknowledged payment lost: " + id);
        }
        assertEquals(0, count("SELECT count(*) FROM (SELECT 1 FROM appointments WHERE takes_slot"
                + " GROUP BY doctor_id, date, time HAVING count(*) > 1) twice"), "no slot held twice");
        System.out.printf("Cluster kill: %d bookings and %d payments acknowledged (%d on the surviving node after the"
                + " kill), all stored%n", held.size(), paid.size(), heldOnBAfterKill.size());
    }

    @Test
    @Order(5)
    void aPatientSignedInBeforeTheDatabaseRestartedBooksAndPaysAfterIt() throws Exception {
        WebClient patient = new WebClient(nodeB.url());
        String email = "restart-" + UUID.randomUUID() + "@example.com";
        patient.submit("/register", "registerForm", "register", Map.of("name", "Restart Patient", "email", email,
                "phone", "+91 98765 43210", "password", WebClient.PASSWORD));
        assertEquals(302, patient.login("", email, WebClient.PASSWORD).statusCode());
        LocalDate day = LocalDate.now(ZONE).plusDays(20);
        assertTrue(patient.holdOn("doc1", day, "Before").matches("[\\w-]+"), "a booking before the restart");

        PostgresServer.shared().restart();

        String id = patient.holdOn("doc1", day.plusDays(1), "After");
        assertEquals(302, patient.payAtClinic(id).statusCode());
        assertEquals(AppointmentStatus.CONFIRMED, new PostgresBook(database, ZONE, Clock.systemUTC()).appointment(id)
                .orElseThrow().getStatus());
    }

    @Test
    @Order(6)
    void whenAPatientsNodeDiesTheBalancerSendsThemToTheOtherToSignInAgainAndBack() throws Exception {
        nodeA.start();
        try (ReadmeBalancer balancer = new ReadmeBalancer(nodeA, nodeB)) {
            WebClient patient = new WebClient(balancer.url());
            String email = "stranded-" + UUID.randomUUID() + "@example.com";
            patient.submit("/register", "registerForm", "register", Map.of("name", "Stranded Patient", "email", email,
                    "phone", "+91 98765 43210", "password", WebClient.PASSWORD));
            assertEquals(302, patient.login("", email, WebClient.PASSWORD).statusCode());
            String id = patient.holdOn("doc1", LocalDate.now(ZONE).plusDays(25), "Before the node died");
            String cookies = patient.cookieHeader();
            (cookies.contains("CLINICNODE=a") ? nodeA : nodeB).kill();

            HttpResponse<String> next = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                    HttpRequest.newBuilder(balancer.url().toURI().resolve("/patient/appointments"))
                            .header("Cookie", cookies).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(302, next.statusCode(), "the next request, at once, is asked to sign in: " + next.body());
            assertTrue(next.headers().firstValue("Location").orElse("").endsWith("/login"));

            assertEquals(302, patient.get("/patient/appointments").statusCode(), "so is the patient's own client");
            HttpResponse<String> signedIn = patient.login("", email, WebClient.PASSWORD);
            assertTrue(signedIn.headers().firstValue("Location").orElse("").endsWith("/patient/appointments"),
                    "signed in again, back on the page asked for: " + signedIn.headers().map());
            HttpResponse<String> appointments = patient.get("/patient/appointments");
            assertEquals(200, appointments.statusCode());
            assertTrue(appointments.body().contains(id), "what was booked on the dead node is there");
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
