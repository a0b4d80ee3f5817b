package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** At the front desk in the browser: a patient walks in without an account and is booked, paid on the spot. */
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
        waitFor(() -> {
            try {
                return new Select(id("deskForm:date")).getOptions().stream().anyMatch(o -> o.isSelected());
            } catch (org.openqa.selenium.StaleElementReferenceException replacedByTheUpdate) {
                return false;
            }
        }, "the days of doc2");
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
        assertTrue(pageText().contains("Meera Joshi") && pageText().contains("walk-in (no e-mail)"), "found by phone");
        checkAccessibility();
    }
}
