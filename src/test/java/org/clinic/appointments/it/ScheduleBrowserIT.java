package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * An admin runs the clinic's week in the browser, and patients see it: a holiday closes every doctor's day, a plan
 * without Sundays closes one doctor's Sundays and badges count working slots, leave cancels and offers a new time,
 * and a deactivated doctor leaves patients' search. Every page is checked for accessibility.
 */
@RunAsClient
class ScheduleBrowserIT extends BrowserTestBase {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Kolkata"));
    private static final LocalDate HOLIDAY = TODAY.with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY));
    private static final LocalDate NEXT_SUNDAY = TODAY.with(TemporalAdjusters.next(DayOfWeek.SUNDAY));
    private static final LocalDate NEXT_MONDAY = TODAY.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    private static final LocalDate LEAVE = TODAY.plusDays(10);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app("schedule-browser", true);
    }

    private void setValue(String id, String value) {
        ((JavascriptExecutor) browser()).executeScript("arguments[0].value = arguments[1];", id(id), value);
    }

    private String newPatientInBrowser(String name) {
        String email = new WebClient(baseUrl).registerAndLogin(name, null);
        open("/");
        if (exists("logoutForm:logout")) {
            clickAndWait("logoutForm:logout");
        }
        logIn("/login", email);
        return email;
    }

    private void logOut() {
        clickAndWait("logoutForm:logout");
    }

    private static String hold(WebClient patient, String doctor, LocalDate date) {
        return patient.holdOn(doctor, date, "Check-up");
    }

    private static String bookAtClinic(WebClient patient, String doctor, LocalDate date) {
        String id = hold(patient, doctor, date);
        assertEquals(302, patient.payAtClinic(id).statusCode());
        return id;
    }

    private String badge(LocalDate day) {
        return browser().findElement(By.cssSelector("[data-date='" + day + "'] .badge")).getText();
    }

    @Test
    void aHolidayAddedInTheBrowserClosesTheDayForPatients() {
        logInAsAdmin("Week Admin");

        clickAndWait("navSchedule");
        setValue("holidayForm:date", HOLIDAY.toString());
        type("holidayForm:name", "Clinic Foundation Day");
        clickAndWait("holidayForm:add");
        assertTrue(messages().contains("nobody has slots that day"), messages());
        assertTrue(pageText().contains("Clinic Foundation Day"));
        clickAndWait("navInvitations");
        logOut();

        newPatientInBrowser("Holiday Patient");
        open("/patient/book?doctor=doc4&date=" + HOLIDAY);
        assertTrue(browser().findElements(By.cssSelector("input[name='bookForm:time']:not([disabled])")).isEmpty(),
                "no time can be chosen on the holiday");
        assertTrue(pageText().contains("Not available"), "the day says so");
    }

    @Test
    void aPlanWithoutSundaysClosesTheDoctorsSundaysAndBadgesCountWorkingSlots() {
        logInAsAdmin("Plan Admin");
        open("/admin/schedule?doctor=doc5");
        assertEquals("doc5", new Select(id("planForm:doctor")).getFirstSelectedOption().getAttribute("value"));
        assertTrue(id("planForm:week:6:working").isSelected(), "Sundays are worked before");
        setValue("planForm:from", TODAY.toString());
        id("planForm:week:6:working").click();
        setValue("planForm:week:0:end", "11:00");
        setValue("planForm:week:0:breakStart", "");
        setValue("planForm:week:0:breakEnd", "");
        clickAndWait("planForm:save");
        assertTrue(messages().contains("Plan saved"), messages());
        logOut();

        WebClient monday = new WebClient(baseUrl);
        monday.registerAndLogin("Monday Patient", null);
        bookAtClinic(monday, "doc5", NEXT_MONDAY);
        newPatientInBrowser("Sunday Patient");
        open("/patient/book?doctor=doc5&date=" + NEXT_SUNDAY);
        assertTrue(browser().findElements(By.cssSelector("input[name='bookForm:time']:not([disabled])")).isEmpty(),
                "no time can be chosen on a Sunday");
        assertEquals("Not available", badge(NEXT_SUNDAY));
        assertEquals("Filling fast", badge(NEXT_MONDAY), "one of Monday's two working slots is taken");
        open("/patient/book?doctor=doc6&date=" + NEXT_SUNDAY);
        assertFalse(browser().findElements(By.cssSelector("input[name='bookForm:time']:not([disabled])")).isEmpty(),
                "other doctors keep their Sundays");
    }

    @Test
    void leaveOverTwoBookingsIsShownBeforeConfirmingAndEachPatientIsOfferedANewTime() {
        WebClient ravi = new WebClient(baseUrl);
        ravi.registerAndLogin("Ravi Leave", null);
        assertEquals(302, ravi.payByCard(hold(ravi, "doc6", LEAVE.plusDays(1)), "Ravi Leave"));
        WebClient asha = new WebClient(baseUrl);
        String ashaEmail = asha.registerAndLogin("Asha Leave", null);
        bookAtClinic(asha, "doc6", LEAVE);

        logInAsAdmin("Leave Admin");
        clickAndWait("navSchedule");
        new Select(id("leaveForm:doctor")).selectByValue("doc6");
        setValue("leaveForm:from", LEAVE.toString());
        setValue("leaveForm:to", LEAVE.plusDays(2).toString());
        type("leaveForm:reason", "Medical conference");
        clickAndWait("leaveForm:preview");
        String affected = text("leaveForm:affectedTable");
        assertTrue(affected.contains("Asha Leave") && affected.contains("Ravi Leave"), "both shown before confirming");
        clickAndWait("leaveForm:confirm");
        assertTrue(messages().contains("2 appointments cancelled and offered a new time"), messages());
        assertEquals(1, messages().split("appointments cancelled", -1).length - 1, "said once: " + messages());
        open("/admin/calendar?doctor=doc6&view=timeGridWeek&date=" + LEAVE);
        waitFor(() -> !browser().findElements(By.cssSelector(".fc-bg-event.event-closed")).isEmpty(), "the leave is shaded");
        List<String> shaded = browser().findElements(By.cssSelector(".fc-bg-event.event-closed")).stream()
                .map(WebElement::getText).distinct().toList();
        assertEquals(List.of("On leave: Medical conference"), shaded, "each day of the leave says why it has no slots");
        String firstDayShown = browser().findElement(By.cssSelector(".fc-col-header-cell[data-date]")).getAttribute("data-date");
        assertEquals(DayOfWeek.MONDAY, LocalDate.parse(firstDayShown).getDayOfWeek(), "the week starts on Monday, as the plan lists it");
        checkAccessibility();
        open("/admin/calendar?doctor=doc6&view=dayGridMonth&date=" + LEAVE);
        waitFor(() -> browser().findElements(By.cssSelector(".fc-daygrid-day[data-date='" + LEAVE + "'] .fc-bg-event.event-closed"))
                .stream().anyMatch(e -> e.getText().equals("On leave: Medical conference")), "the month view shades the leave too");
        logOut();

        assertTrue(ravi.get("/patient/appointments").body().contains("payment has been refunded"),
                "the paid one is refunded and offered a new time");
        logIn("/login", ashaEmail);
        open("/patient/appointments");
        assertTrue(pageText().contains("the doctor is on leave"), "Asha sees the offer");
        List<WebElement> slots = browser().findElements(By.cssSelector(".rebook-slot"));
        assertFalse(slots.isEmpty(), "free slots are offered");
        Dimension desktop = browser().manage().window().getSize();
        browser().manage().window().setSize(new Dimension(390, 844));
        try {
            Object outside = ((JavascriptExecutor) browser()).executeScript("""
                    return Array.from(document.querySelectorAll('.rebook-slot'))
                        .filter(b => b.getBoundingClientRect().right > b.closest('.rebook-offer').getBoundingClientRect().right)
                        .map(b => b.value);""");
            assertEquals(List.of(), outside, "each offered time fits inside the offer at phone width");
            assertNothingScrollsSideways();
        } finally {
            browser().manage().window().setSize(desktop);
        }
        String chosen = slots.get(0).getAttribute("value");
        clickAndWait(slots.get(0).getAttribute("id"));
        assertTrue(pageText().contains("Confirmed"), "one click moves her: " + chosen);
        open("/patient/appointments");
        assertFalse(pageText().contains("the doctor is on leave"), "the offer is used");
    }

    @Test
    void aDeactivatedDoctorIsGoneFromPatientsSearch() {
        WebClient patient = new WebClient(baseUrl);
        patient.registerAndLogin("Search Patient", null);
        assertTrue(patient.get("/patient/doctors").body().contains("Dr. Arun Kapoor"));

        logInAsAdmin("Roster Admin");
        clickAndWait("navDoctors");
        WebElement link = browser().findElements(By.cssSelector("a.doctor-link")).stream()
                .filter(a -> a.getText().equals("Dr. Arun Kapoor")).findFirst().orElseThrow();
        clickAndWait(link.getAttribute("id"));
        id("activeForm:deactivate").click();
        WebElement yes = id("confirmYes");
        waitFor(yes::isDisplayed, "the confirm dialog");
        WebElement page = browser().findElement(By.tagName("html"));
        yes.click();
        waitFor(() -> isGone(page) || !exists("activeForm:deactivate"), "the page after deactivating");
        waitUntilReady();
        checkAccessibility();
        assertTrue(messages().contains("no longer appears in patients' search"), messages());
        assertFalse(patient.get("/patient/doctors").body().contains("Dr. Arun Kapoor"), "gone from search");
    }
}
