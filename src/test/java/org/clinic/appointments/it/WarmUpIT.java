package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * As it starts, the application asks for its own public pages for {@code appointments.warm-up-seconds} (found at
 * the server's own HTTP port and its path) and reports not ready until that is done; patients are served meanwhile.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WarmUpIT {

    private static final int WARM_UP_SECONDS = 25;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app("warm-up", false, "appointments.warm-up-seconds=" + WARM_UP_SECONDS);
    }

    @ArquillianResource
    URL baseUrl;

    private static String warmUpStatus(HttpResponse<String> response) {
        return HealthIT.check(response, "warm-up").getString("status");
    }

    @Test
    void notReadyWhileWarmingUpThenReadyWhileTheSiteServesThroughout() throws Exception {
        HttpResponse<String> warming = HealthIT.health(baseUrl, "ready");
        assertEquals(503, warming.statusCode(), warming.body());
        assertEquals("DOWN", warmUpStatus(warming));
        assertEquals("UP", HealthIT.ledgerCheck(warming).getString("status"), "the ledger itself is ready");
        assertEquals(200, new WebClient(baseUrl).get("/login").statusCode(), "pages are served while warming up");

        long started = System.nanoTime();
        HttpResponse<String> ready = warming;
        while (ready.statusCode() != 200 && System.nanoTime() - started < Duration.ofSeconds(90).toNanos()) {
            Thread.sleep(500);
            ready = HealthIT.health(baseUrl, "ready");
        }
        assertEquals(200, ready.statusCode(), "ready once warmed up: " + ready.body());
        assertEquals("UP", warmUpStatus(ready));
        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(waited.compareTo(Duration.ofSeconds(WARM_UP_SECONDS - 10)) > 0,
                "the warm-up asked for pages for its whole length, not stopping at an error: ready after " + waited);
    }
}
