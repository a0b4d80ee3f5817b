package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;

import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;

/**
 * The morning rush (a benchmark, {@code ./mvnw verify -Prush}): {@value #PATIENTS} patients, registered and logged
 * in beforehand, all open the same day's booking page of {@value #DOCTORS} doctors at the same instant (64 slots)
 * and each books and pays at the clinic until they have a slot or the day is full. Prints the time until every
 * slot is taken, p50/p95/p99 of every kind of request and the errors, and fails unless every slot went to exactly
 * one patient and nothing answered an error.
 */
abstract class MorningRush {

    static final int PATIENTS = 1000;
    static final int DOCTORS = 8;
    private static final int SLOTS_PER_DAY = 8;
    private static final LocalDate DAY = LocalDate.now(ZoneId.of("Asia/Kolkata")).plusDays(2);

    @ArquillianResource
    URL baseUrl;

    /** What the run is called in its report. */
    abstract String name();

    private final Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
    private final AtomicInteger errors = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
    private final AtomicInteger linePages = new AtomicInteger();
    private final AtomicInteger lineChecks = new AtomicInteger();
    private final AtomicInteger nothingLeftPages = new AtomicInteger();

    private <T> T timed(String kind, Supplier<T> request) {
        long started = System.nanoTime();
        try {
            return request.get();
        } finally {
            latencies.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - started);
        }
    }

    private void failed(String what) {
        errors.incrementAndGet();
        if (errorSamples.size() < 10) {
            errorSamples.add(what);
        }
    }

    @Test
    void everySlotGoesToExactlyOnePatientWithoutErrors() throws Exception {
        List<WebClient> patients = new ArrayList<>();
        ExecutorService setup = Executors.newFixedThreadPool(8);
        List<Future<WebClient>> registered = new ArrayList<>();
        for (int i = 0; i < PATIENTS; i++) {
            int n = i;
            registered.add(setup.submit(() -> {
                WebClient patient = new WebClient(baseUrl);
                String email = "rush-" + n + "-" + System.nanoTime() + "@example.com";
                patient.submit("/register", "registerForm", "register", Map.of("name", "Rush Patient " + n,
                        "email", email, "phone", "+91 98765 43210", "password", WebClient.PASSWORD));
                // Logins from one address in a burst are slowed down by the login throttle: ask again.
                for (int attempt = 0; patient.login("", email, WebClient.PASSWORD).statusCode() != 302; attempt++) {
                    if (attempt == 60) {
                        throw new IllegalStateException("Patient " + n + " could not log in");
                    }
                    Thread.sleep(1100);
                }
                return patient;
            }));
        }
        for (Future<WebClient> patient : registered) {
            patients.add(patient.get());
        }
        setup.shutdown();

        Set<String> taken = ConcurrentHashMap.newKeySet();
        List<String> slotsWon = Collections.synchronizedList(new ArrayList<>());
        AtomicLong lastSlotTaken = new AtomicLong();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService rush = Executors.newFixedThreadPool(PATIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < PATIENTS; i++) {
            WebClient patient = patients.get(i);
            String doctor = "doc" + (1 + i % DOCTORS);
            running.add(rush.submit(() -> {
                go.await();
                book(patient, doctor, slotsWon, taken, lastSlotTaken);
                return null;
            }));
        }
        long start = System.nanoTime();
        go.countDown();
        for (Future<?> patient : running) {
            patient.get();
        }
        long end = System.nanoTime();
        rush.shutdown();

        String report = report((lastSlotTaken.get() - start) / 1e9, (end - start) / 1e9, slotsWon.size(), taken.size());
        System.out.println(report);
        Files.writeString(Path.of("target", "morning-rush-" + name() + ".txt"), report);
        assertEquals(DOCTORS * SLOTS_PER_DAY, slotsWon.size(), "every slot taken once: " + errorSamples);
        assertEquals(slotsWon.size(), taken.size(), "no slot went to two patients");
        assertEquals(0, errors.get(), "errors: " + errorSamples);
    }

    private void book(WebClient patient, String doctor, List<String> won, Set<String> taken, AtomicLong lastTaken) {
        String path = "/patient/book?doctor=" + doctor + "&date=" + DAY;
        try {
            for (int attempt = 0; attempt < 200; attempt++) {
                WebClient.FormPage page = timed("booking page", () -> patient.open(path));
                if (page.body().contains("You are in line")) {
                    linePages.incrementAndGet();
                    waitForTurn(patient, path);
                    continue;
                }
                if (page.body().contains("No free time left")) {
                    nothingLeftPages.incrementAndGet();
                    return;
                }
                if (!page.body().contains("bookForm")) {
                    failed("booking page without its form");
                    return;
                }
                Matcher free = WebClient.FREE_SLOT.matcher(page.body());
                List<String> times = new ArrayList<>();
                while (free.find()) {
                    times.add(free.group(1));
                }
                if (times.isEmpty()) {
                    return;
                }
                String time = times.get(java.util.concurrent.ThreadLocalRandom.current().nextInt(times.size()));
                HttpResponse<String> held = timed("booking POST", () -> patient.post(page, "bookForm", "submit",
                        Map.of("time", time, "reason", "Morning rush")));
                if (held.statusCode() >= 500) {
                    failed("booking POST " + held.statusCode());
                    continue;
                }
                String location = held.headers().firstValue("Location").orElse("");
                if (held.statusCode() != 302 || !location.contains("/patient/pay")) {
                    continue;
                }
                String id = location.replaceFirst(".*id=", "");
                WebClient.FormPage pay = timed("payment page", () -> patient.open("/patient/pay?id=" + id));
                HttpResponse<String> paid = timed("payment POST", () -> patient.post(pay, "payForm", "pay",
                        Map.of("method", "PAY_AT_CLINIC")));
                if (paid.statusCode() != 302) {
                    failed("payment POST " + paid.statusCode());
                    return;
                }
                String slot = doctor + " " + time;
                won.add(slot);
                taken.add(slot);
                lastTaken.accumulateAndGet(System.nanoTime(), Math::max);
                return;
            }
            failed("no answer after 200 attempts");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Asks where the patient stands every 2 s, as the line page's script does, until their turn comes. */
    private void waitForTurn(WebClient patient, String path) throws InterruptedException {
        for (int check = 0; check < 300; check++) {
            Thread.sleep(2000);
            HttpResponse<String> asked = timed("line check", () -> patient.get(path, "X-Line-Place", "1"));
            if (asked.statusCode() != 200) {
                return;
            }
            lineChecks.incrementAndGet();
        }
    }

    private String report(double allTakenSeconds, double allDoneSeconds, int won, int distinct) {
        StringBuilder out = new StringBuilder("Morning rush (" + name() + "): " + PATIENTS + " patients, " + DOCTORS
                + " doctors, " + DOCTORS * SLOTS_PER_DAY + " slots on " + DAY + "\n");
        out.append(String.format("every slot taken after %.2f s; every patient answered after %.2f s%n",
                allTakenSeconds, allDoneSeconds));
        out.append(String.format("slots won %d (distinct %d), errors %d, line pages %d, line checks %d, "
                + "\"no free time left\" pages %d%n", won, distinct, errors.get(), linePages.get(), lineChecks.get(),
                nothingLeftPages.get()));
        out.append(String.format("%-15s %8s %9s %9s %9s%n", "request", "count", "p50 ms", "p95 ms", "p99 ms"));
        for (String kind : List.of("booking page", "line check", "booking POST", "payment page", "payment POST")) {
            List<Long> all = new ArrayList<>(latencies.getOrDefault(kind, new ConcurrentLinkedQueue<>()));
            Collections.sort(all);
            out.append(String.format("%-15s %8d %9.1f %9.1f %9.1f%n", kind, all.size(), percentile(all, 50),
                    percentile(all, 95), percentile(all, 99)));
        }
        return out.toString();
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
