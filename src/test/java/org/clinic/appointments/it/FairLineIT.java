package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The line at the booking page's door, with room for one request at a time: a burst of patients opening it gets
 * numbers 1 to N in the order they arrived, each page moves up by itself (its script's question, which lets nobody
 * in), and each patient gets the booking page when their turn comes, in that order.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FairLineIT {

    private static final int PATIENTS = 12;
    private static final Pattern PLACE = Pattern.compile("You are in line: number (\\d+)");
    private static final String BOOKING = "/patient/book?doctor=doc1";
    private static final String NOTHING_LEFT = "No free time left";

    @Deployment(testable = false)
    static WebArchive line() {
        return Deployments.app("line", false, "appointments.line-limit=1", "appointments.line-refresh-seconds=2",
                "appointments.working-days=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY",
                "appointments.slot-times=09:00 AM");
    }

    @ArquillianResource
    URL baseUrl;

    private static int place(HttpResponse<String> page) {
        Matcher place = PLACE.matcher(page.body());
        return place.find() ? Integer.parseInt(place.group(1)) : 0;
    }

    @Test
    void aBurstGetsNumbersInArrivalOrderAndEachGetsItsPageWhenItsTurnComes() throws Exception {
        List<WebClient> patients = IntStream.range(0, PATIENTS).mapToObj(i -> new WebClient(baseUrl)).toList();
        for (int i = 0; i < PATIENTS; i++) {
            patients.get(i).registerAndLogin("Line Patient " + i, null);
        }
        ExecutorService pool = Executors.newFixedThreadPool(PATIENTS);
        try {
            List<Integer> places = new ArrayList<>();
            String linePage = null;
            for (HttpResponse<String> page : WebClient.atOnce(patients, BOOKING, pool)) {
                assertEquals(200, page.statusCode());
                places.add(place(page));
                linePage = place(page) > 0 ? page.body() : linePage;
            }
            List<Integer> numbers = places.stream().filter(p -> p > 0).sorted().toList();
            assertFalse(numbers.isEmpty(), "with room for one, a burst of " + PATIENTS + " finds a line");
            assertEquals(IntStream.rangeClosed(1, numbers.size()).boxed().toList(), numbers,
                    "numbers 1 to N, one each, in the order of arrival");
            assertTrue(linePage.contains("js/line.js") && linePage.contains("<noscript><meta http-equiv=\"refresh\""),
                    "the page asks again by itself: its script, or a reload without script");

            List<Future<Long>> served = new ArrayList<>();
            for (int i = 0; i < PATIENTS; i++) {
                WebClient patient = patients.get(i);
                int startPlace = places.get(i);
                served.add(pool.submit(() -> {
                    int last = startPlace;
                    for (int round = 0; round < 120 && last > 0; round++) {
                        Thread.sleep(1000);
                        HttpResponse<String> asked = patient.get(BOOKING, "X-Line-Place", "1");
                        int now;
                        if (asked.statusCode() == 200) {
                            now = Integer.parseInt(asked.body());
                        } else {
                            assertEquals(204, asked.statusCode(), "the page's question: a place, or come in");
                            HttpResponse<String> page = patient.get(BOOKING);
                            now = place(page);
                            if (now == 0) {
                                assertTrue(page.body().contains("bookForm"), "the booking page opens");
                                return System.nanoTime();
                            }
                        }
                        if (now > last) {
                            throw new AssertionError("moved back from " + last + " to " + now);
                        }
                        last = now;
                    }
                    return last == 0 ? 0L : -1L;
                }));
            }
            List<Long> servedAt = new ArrayList<>();
            for (Future<Long> done : served) {
                servedAt.add(done.get());
            }
            assertFalse(servedAt.contains(-1L), "everyone in line got the booking page");
            List<Integer> byNumber = IntStream.range(0, PATIENTS).filter(i -> places.get(i) > 0).boxed()
                    .sorted((a, b) -> Integer.compare(places.get(a), places.get(b))).toList();
            for (int k = 1; k < byNumber.size(); k++) {
                assertTrue(servedAt.get(byNumber.get(k - 1)) <= servedAt.get(byNumber.get(k)),
                        "number " + k + " is served before number " + (k + 1));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void nobodyWaitsInLineForADayWithNothingToBook() throws Exception {
        LocalDate sunday = LocalDate.now(ZoneOffset.UTC).plusDays(7)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        String dayOff = "/patient/book?doctor=doc1&date=" + sunday;
        List<WebClient> patients = IntStream.range(0, PATIENTS).mapToObj(i -> new WebClient(baseUrl)).toList();
        for (int i = 0; i < PATIENTS; i++) {
            patients.get(i).registerAndLogin("Sunday Patient " + i, null);
        }
        ExecutorService pool = Executors.newFixedThreadPool(PATIENTS);
        try {
            for (HttpResponse<String> page : WebClient.atOnce(patients, dayOff, pool)) {
                assertEquals(200, page.statusCode());
                assertEquals(0, place(page), "the clinic's Sunday has no slot to wait for, so no line");
                assertTrue(page.body().contains("bookForm") || page.body().contains(NOTHING_LEFT),
                        "the booking page, or while the line is full a page that says the day is full");
            }
            String noSuchDoctor = "/patient/book?doctor=doc1%E2%80%8B&date=" + sunday;
            for (HttpResponse<String> page : WebClient.atOnce(patients, noSuchDoctor, pool)) {
                assertFalse(page.body().contains(NOTHING_LEFT), "no such doctor: not told a day of theirs is full");
            }
            for (WebClient patient : patients) {
                HttpResponse<String> page = patient.get(noSuchDoctor);
                for (int round = 0; round < 40 && place(page) > 0; round++) {
                    Thread.sleep(250);
                    page = patient.get(noSuchDoctor);
                }
                assertEquals(404, page.statusCode(), "their turn: the page of no such doctor");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWaiterWhoseDayFillsUpIsLetInAtTheirNextQuestion() throws Exception {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(3);
        day = day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.plusDays(1) : day;
        String oneSlotLeft = "/patient/book?doctor=doc2&date=" + day;
        WebClient booker = new WebClient(baseUrl);
        booker.registerAndLogin("Last Slot Booker", null);
        WebClient.FormPage form = booker.open(oneSlotLeft);
        Matcher slot = WebClient.FREE_SLOT.matcher(form.body());
        assertTrue(slot.find(), "the day's one slot is free"
                + (PLACE.matcher(form.body()).find() ? ", but the line page came" : ""));
        List<WebClient> patients = IntStream.range(0, PATIENTS).mapToObj(i -> new WebClient(baseUrl)).toList();
        for (int i = 0; i < PATIENTS; i++) {
            patients.get(i).registerAndLogin("Waiting Patient " + i, null);
        }
        ExecutorService pool = Executors.newFixedThreadPool(PATIENTS);
        try {
            List<HttpResponse<String>> pages = WebClient.atOnce(patients, oneSlotLeft, pool);
            int last = IntStream.range(0, PATIENTS).boxed().max((a, b) -> Integer.compare(place(pages.get(a)),
                    place(pages.get(b)))).orElseThrow();
            assertTrue(place(pages.get(last)) >= 2, "a burst of " + PATIENTS + " with room for one makes a line");
            WebClient waiter = patients.get(last);
            HttpResponse<String> before = waiter.get(oneSlotLeft, "X-Line-Place", "1");
            assertEquals(200, before.statusCode(), "while the slot is free, the last in line waits");

            HttpResponse<String> booked = booker.post(form, "bookForm", "submit",
                    Map.of("time", slot.group(1), "reason", "Last slot"));
            assertEquals(302, booked.statusCode(), "the day's last slot is booked from a page already open");
            int asked = 0;
            HttpResponse<String> after;
            do {
                Thread.sleep(500);
                after = waiter.get(oneSlotLeft, "X-Line-Place", "1");
            } while (after.statusCode() == 200 && ++asked < 6);
            assertEquals(204, after.statusCode(), "with the day full, the waiter is told to come in within a second or so");
            HttpResponse<String> opened = waiter.get(oneSlotLeft);
            assertEquals(0, place(opened), "no line for a full day");
            assertTrue(opened.body().contains(NOTHING_LEFT), "while the line is full, a page that says the day is full");
            String dayAsShown = day.format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH));
            assertTrue(opened.body().contains("no free time left on " + dayAsShown), "naming the day as the booking page does");
            assertTrue(opened.body().contains("id=\"otherDays\" href=\"" + baseUrl.getPath().replaceAll("/$", "")
                    + "/patient/book?doctor=doc2\""), "with the doctor's other days");
            Thread.sleep(8000);
            HttpResponse<String> afterTheRush = waiter.get(oneSlotLeft);
            assertTrue(afterTheRush.body().contains("bookForm"), "once those who stopped asking have left the line, the full day's own page");
        } finally {
            pool.shutdownNow();
        }
    }
}
