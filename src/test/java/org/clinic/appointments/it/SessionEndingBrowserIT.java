package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** With sessions of 20 seconds: 10 seconds before the end the page says so, and "Stay signed in" keeps it. */
@RunAsClient
class SessionEndingBrowserIT extends PatientBrowserTestBase {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app("sessionending", false, "appointments.session-timeout=PT20S");
    }

    @Test
    void shortlyBeforeTheSessionEndsThePageSaysSoAndStayingSignedInKeepsIt() throws InterruptedException {
        registerAndLogin("Idle Patient");
        open("/patient/appointments");
        Instant lastRequest = Instant.now();
        assertFalse(id("sessionEnding").isDisplayed(), "nothing to say while the session has time");

        waiting(Duration.ofSeconds(19)).until(driver -> id("sessionEnding").isDisplayed());
        assertTrue(text("sessionEndingText").contains("signed out in 1 min"), text("sessionEndingText"));
        id("staySignedIn").click();
        waitFor(() -> !id("sessionEnding").isDisplayed(), "the notice goes once the session is kept");

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), lastRequest.plusSeconds(25)).toMillis()));
        open("/patient/profile");
        assertEquals("/patient/profile", path(), "still signed in past the session's length after the last page was asked for");
    }
}
