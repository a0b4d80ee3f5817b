package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * At the front desk in the browser: a patient walks in without an account and is booked, paid on the spot; later a
 * free slot chosen on the timetable is booked for them.
 */
@RunAsClient
class FrontDeskBrowserIT extends BrowserTestBase {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app("front-desk-browser", true);
    }

    @Test
    void aWalkInPatientIsBookedAtTheFrontDesk() {
        registerFirstAdminAndLogIn("Counter Admin");

        clickAndWait("navDesk");
        assertEquals("/admin/book", path());
        type("walkInForm:name", "Meera Joshi");
        type("walkInForm:phone", "+91 91234 56789");
        clickAndWait("walkInForm:register");
        assertTrue(text("deskPatient").contains("Meera Joshi"), text("deskPatient"));
        assertTrue(messages().contains("Meera Joshi is registered"), messages());

        new Select(id("deskForm:doctor")).selectByValue("doc2");
        waitUntilReady();
        waitFor(() -> new Select(id("deskForm:date")).getOptions().stream().anyMatch(o -> o.isSelected()),
                "the days of doc2");
        String time = new Select(id("deskForm:time")).getFirstSelectedOption().getAttribute("value");
        type("deskForm:reason", "Walked in with a fever");
        id("deskForm:paidNow").click();
        clickAndWait("deskForm:book");

        assertEquals("/admin/appointment", path());
        assertTrue(messages().contains("Booked Meera Joshi with"), messages());
        assertTrue(pageText().contains("Confirmed") && pageText().contains("Paid") && pageText().contains(time),
                pageText());
        assertTrue(browser().findElements(By.cssSelector(".history-row")).get(0).getText().contains("Counter Admin"));

        open("/admin/book");
        type("findForm:query", "91234 56789");
        clickAndWait("findForm:search");
        assertTrue(pageText().contains("Meera Joshi") && pageText().contains("(walk-in, no e-mail)"), "found by phone");
        checkAccessibility();

        LocalDate day = LocalDate.now(ZoneId.of("Asia/Kolkata")).plusDays(2);
        day = day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.plusDays(1) : day;
        open("/admin/timetable?doctor=doc3&date=" + day);
        String row = ".slot-row:nth-child(6)";
        assertTrue(browser().findElement(By.cssSelector(row)).getText().startsWith("03:00 PM"));
        WebElement book = browser().findElement(By.cssSelector(row + " .book-slot"));
        assertEquals("Book 03:00 PM at the front desk", book.getAttribute("aria-label"));
        book.click();
        waitFor(() -> path().equals("/admin/book"), "the front desk");
        String dayShown = PageDates.day(day);
        assertTrue(text("chosenSlot").contains("on " + dayShown + " at 03:00 PM"), text("chosenSlot"));
        type("findForm:query", "Meera");
        clickAndWait("findForm:search");
        clickAndWait("findForm:found:0:choose");
        assertTrue(text("deskPatient").contains("Meera Joshi"), text("deskPatient"));
        String patientAddress = browser().getCurrentUrl();
        assertEquals("doc3", new Select(id("deskForm:doctor")).getFirstSelectedOption().getAttribute("value"));
        assertEquals(day.toString(), new Select(id("deskForm:date")).getFirstSelectedOption().getAttribute("value"));
        assertEquals("03:00 PM", new Select(id("deskForm:time")).getFirstSelectedOption().getAttribute("value"),
                "the slot chosen on the timetable");
        clickAndWait("deskForm:book");
        assertEquals("/admin/appointment", path(), messages());
        assertTrue(pageText().contains("03:00 PM") && messages().contains("on " + dayShown + " at 03:00 PM"), messages());
        assertEquals("Not given (booked at the front desk)", text("summaryReason"), "the reason is optional at the desk");

        open("/admin/timetable?doctor=doc3&date=" + day);
        assertTrue(browser().findElements(By.cssSelector(row + " .book-slot")).isEmpty(), "a booked slot has no Book");
        browser().get(patientAddress);
        assertTrue(messages().contains("03:00 PM on " + dayShown + " is no longer free"), messages());
        assertEquals("doc3", new Select(id("deskForm:doctor")).getFirstSelectedOption().getAttribute("value"));
        assertTrue(!"03:00 PM".equals(new Select(id("deskForm:time")).getFirstSelectedOption().getAttribute("value")));
    }
}
