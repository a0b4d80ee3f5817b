package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The "You are in line" page in a real browser: it passes the accessibility check, its number moves up in place
 * (no reload, so a screen reader keeps its position), and the booking page opens by itself when the turn comes.
 */
@RunAsClient
class FairLineBrowserIT extends PatientBrowserTestBase {

    private static final int AHEAD = 10;
    private static final String BOOKING = "/patient/book?doctor=doc1";
    private static final Pattern NUMBER = Pattern.compile("number (\\d+)");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app("line-browser", false, "appointments.line-limit=1",
                "appointments.line-refresh-seconds=1");
    }

    private int number() {
        Matcher number = NUMBER.matcher(text("linePlace"));
        return number.find() ? Integer.parseInt(number.group(1)) : 0;
    }

    @Test
    void theLinePageMovesUpInPlaceAndOpensTheBookingPageOnItsTurn() throws Exception {
        registerAndLogin("Line Browser Patient");
        List<WebClient> others = IntStream.range(0, AHEAD).mapToObj(i -> new WebClient(baseUrl)).toList();
        others.forEach(other -> other.registerAndLogin("Line Patient", null));
        ExecutorService pool = Executors.newFixedThreadPool(AHEAD);
        try {
            WebClient.atOnce(others, BOOKING, pool);
            for (WebClient other : others) {
                pool.submit(() -> {
                    for (int round = 0; round < 60; round++) {
                        Thread.sleep(1000);
                        if (other.get(BOOKING).body().contains("bookForm")) {
                            return null;
                        }
                    }
                    return null;
                });
            }

            open(BOOKING);
            assertTrue(exists("linePlace"), "behind the burst, the browser is in line: " + pageText());
            int first = number();
            assertTrue(first > 1, "others are ahead: " + text("linePlace"));
            JavascriptExecutor page = (JavascriptExecutor) browser();
            page.executeScript("window.stillTheSamePage = true;");
            waitFor(() -> exists("linePlace") && number() > 0 && number() < first, "the number moves up");
            assertEquals(Boolean.TRUE, page.executeScript("return window.stillTheSamePage === true;"),
                    "the number moved up in place, without a reload");
            waiting(java.time.Duration.ofSeconds(60)).withMessage("the booking page opens on its turn")
                    .until(driver -> exists("bookForm"));
            waitUntilReady();
            assertEquals("/patient/book", path());
            checkAccessibility();
        } finally {
            pool.shutdownNow();
        }
    }
}
