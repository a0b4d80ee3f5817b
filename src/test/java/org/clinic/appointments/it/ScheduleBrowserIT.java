package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/** An admin runs the clinic's week in the browser: a holiday closes every doctor's day; the pages are accessible. */
@RunAsClient
class ScheduleBrowserIT extends BrowserTestBase {

    private static final LocalDate HOLIDAY = LocalDate.now(ZoneId.of("Asia/Kolkata"))
            .with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY));

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app("schedule-browser", true);
    }

    private void setDate(String id, LocalDate date) {
        ((JavascriptExecutor) browser()).executeScript("arguments[0].value = arguments[1];", id(id), date.toString());
    }

    @Test
    void aHolidayAddedInTheBrowserClosesTheDayForPatients() {
        registerFirstAdminAndLogIn("Week Admin");

        clickAndWait("navSchedule");
        checkAccessibility();
        setDate("holidayForm:date", HOLIDAY);
        type("holidayForm:name", "Clinic Foundation Day");
        clickAndWait("holidayForm:add");
        assertTrue(messages().contains("nobody has slots that day"), messages());
        assertTrue(pageText().contains("Clinic Foundation Day"));
        clickAndWait("navInvitations");
        checkAccessibility();

        clickAndWait("logoutForm:logout");
        String patient = "patient-" + UUID.randomUUID() + "@example.com";
        open("/register");
        type("registerForm:name", "Holiday Patient");
        type("registerForm:email", patient);
        type("registerForm:phone", "+91 99999 00001");
        type("registerForm:password", WebClient.PASSWORD);
        clickAndWait("registerForm:register");
        open("/login");
        type("loginForm:email", patient);
        type("loginForm:password", WebClient.PASSWORD);
        clickAndWait("loginForm:login");
        open("/patient/book?doctor=doc4&date=" + HOLIDAY);
        assertTrue(browser().findElements(By.cssSelector("input[name='bookForm:time']:not([disabled])")).isEmpty(),
                "no time can be chosen on the holiday");
        assertTrue(pageText().contains("Not available"), "the day says so");
    }
}
