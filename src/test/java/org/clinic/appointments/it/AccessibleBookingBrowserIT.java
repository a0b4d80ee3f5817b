package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** Booking for people who use a keyboard alone, and for people on a phone. */
@RunAsClient
class AccessibleBookingBrowserIT extends PatientBrowserTestBase {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app("accessible", false);
    }

    private WebElement focused() {
        return browser().switchTo().activeElement();
    }

    private void press(CharSequence key) {
        new Actions(browser()).sendKeys(key).perform();
    }

    /** Presses Tab until the focused element is the one wanted; each element on the way shows its focus. */
    private WebElement tabTo(Predicate<WebElement> wanted, String what) {
        for (int i = 0; i < 120; i++) {
            press(Keys.TAB);
            WebElement element = focused();
            assertTrue(showsFocus(element), "the focus is visible on " + describe(element));
            if (wanted.test(element)) {
                return element;
            }
        }
        throw new AssertionError("Tab never reached " + what + " on " + path());
    }

    /** An outline or a focus ring on the element, or on the label that draws a visually hidden radio. */
    private boolean showsFocus(WebElement element) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser()).executeScript("""
                var e = arguments[0];
                if (e.type === 'radio' && e.labels && e.labels.length && getComputedStyle(e).opacity === '0') { e = e.labels[0]; }
                var hidden = e.closest('.ui-helper-hidden-accessible');
                if (hidden) { var widget = hidden.parentElement; e = widget.querySelector('.ui-radiobutton-box, .ui-chkbox-box') || widget; }
                var s = getComputedStyle(e);
                return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow && s.boxShadow !== 'none');
                """, element));
    }

    private static String describe(WebElement element) {
        return element.getTagName() + "#" + element.getAttribute("id") + " " + element.getText();
    }

    private void waitForPage(String path) {
        waiting(Duration.ofSeconds(30)).until(driver -> path().equals(path));
        waitUntilReady();
        checkAccessibility();
    }

    @Test
    void theNotFoundAndLogOutPagesPassTheCheckToo() {
        open("/no-such-page");
        assertTrue(exists("error-404"), pageText());
        registerAndLogin("Lost Patient");
        open("/no-such-page");
        assertTrue(exists("logoutLink"), "a signed-in patient can log out from the not-found page");
        clickAndWait("logoutLink");
        assertTrue(exists("logoutPageForm:logout"), pageText());
    }

    @Test
    void bookPayAndCancelWithTheKeyboardAlone() {
        registerAndLogin("Keyboard Patient");
        LocalDate day = inDays(4);
        openBooking("doc2");

        tabTo(e -> day.toString().equals(e.getAttribute("data-date")), "the day " + day);
        press(Keys.ENTER);
        waiting(Duration.ofSeconds(30)).until(driver -> driver.getCurrentUrl().contains("date=" + day));
        waitUntilReady();
        checkAccessibility();

        WebElement first = tabTo(e -> "radio".equals(e.getAttribute("type")), "the first slot");
        assertEquals("09:00 AM", first.getAttribute("value"));
        press(Keys.SPACE);
        assertTrue(first.isSelected(), "Space chooses the focused slot");
        press(Keys.ARROW_RIGHT);
        WebElement second = focused();
        assertEquals("10:00 AM", second.getAttribute("value"), "the arrow key moves to the next slot");
        assertTrue(second.isSelected(), "and chooses it");
        assertTrue(showsFocus(second), "the chosen slot shows its focus");

        tabTo(e -> "bookForm:reason".equals(e.getAttribute("id")), "the reason");
        focused().sendKeys("Back pain");
        tabTo(e -> "bookForm:submit".equals(e.getAttribute("id")), "the booking button");
        press(Keys.ENTER);
        waitForPage("/patient/pay");
        String id = appointmentIdInUrl();

        WebElement method = tabTo(e -> "radio".equals(e.getAttribute("type")), "the payment methods");
        for (int i = 0; i < 6 && !"PAY_AT_CLINIC".equals(focused().getAttribute("value")); i++) {
            press(Keys.ARROW_DOWN);
            waitUntilReady();
        }
        assertEquals("PAY_AT_CLINIC", focused().getAttribute("value"), "arrow keys reach Pay at the clinic: " + method);
        press(Keys.SPACE);
        waitUntilReady();
        tabTo(e -> "payForm:pay".equals(e.getAttribute("id")), "the pay button");
        press(Keys.ENTER);
        waitForPage("/patient/payment-result");

        open("/patient/appointment?id=" + id);
        tabTo(e -> "actions:cancel".equals(e.getAttribute("id")), "the cancel button");
        press(Keys.ENTER);
        waiting(Duration.ofSeconds(10)).withMessage("the dialog takes the focus once it has faded in")
                .until(driver -> id("confirmYes").isDisplayed()
                        && List.of("confirmYes", "confirmNo").contains(focused().getAttribute("id")));
        if (!"confirmYes".equals(focused().getAttribute("id"))) {
            tabTo(e -> "confirmYes".equals(e.getAttribute("id")), "the dialog's yes");
        }
        press(Keys.ENTER);
        waiting(Duration.ofSeconds(30))
                .withMessage(() -> "cancelled; the page says: " + pageText())
                .until(driver -> exists("summaryStatus") && "Cancelled".equals(text("summaryStatus")));
        waitUntilReady();
        checkAccessibility();
    }

    @Test
    void registerBookPayAndListOnAPhone() {
        Dimension desktop = browser().manage().window().getSize();
        browser().manage().window().setSize(new Dimension(390, 844));
        try {
            open("/");
            assertFitsAPhone();
            registerAndLogin("Phone Patient", "lakshmi.venkataraghavan" + System.nanoTime() + "@hospital-example.com");
            assertFitsAPhone();
            openBooking("doc3");
            assertFitsAPhone();
            open("/patient/book?doctor=doc3&date=" + inDays(20));
            assertEquals(true, ((JavascriptExecutor) browser()).executeScript("""
                    var chosen = document.querySelector('.day-grid [aria-current="date"]');
                    var c = chosen.getBoundingClientRect(), s = chosen.closest('.day-grid').getBoundingClientRect();
                    return c.left >= s.left && c.right <= s.right;"""), "a day far along the sideways list is shown when chosen");
            LocalDate day = inDays(2);
            chooseDate(day);
            assertFitsAPhone();
            chooseSlot("11:00 AM");
            type("bookForm:reason", "Rash on the arm");
            clickAndWait("bookForm:submit");
            assertEquals("/patient/pay", path(), messages());
            assertFitsAPhone();
            chooseMethod("Pay at the clinic");
            assertFitsAPhone();
            clickAndWait("payForm:pay");
            assertEquals("/patient/payment-result", path(), messages());
            assertFitsAPhone();
            open("/patient/appointments");
            assertFitsAPhone();
            assertTrue(pageText().contains("Rash on the arm") || pageText().contains("11:00 AM"), "the booking is listed");
            open("/patient/profile");
            assertFitsAPhone();
        } finally {
            browser().manage().window().setSize(desktop);
        }
    }

    /** Nothing scrolls sideways, not even a table within the page, and every control is at least 44 px tall. */
    @SuppressWarnings("unchecked")
    private void assertFitsAPhone() {
        assertNothingScrollsSideways();
        JavascriptExecutor js = (JavascriptExecutor) browser();
        List<String> small = (List<String>) js.executeScript("""
                var small = [];
                document.querySelectorAll('a[href], button, input, select, textarea, [role=button], .slot-grid label').forEach(function (e) {
                    var r = e.getBoundingClientRect(), s = getComputedStyle(e);
                    if (r.width < 2 || r.height < 2 || s.visibility === 'hidden' || s.opacity === '0' || e.type === 'hidden'
                            || e.closest('.ui-helper-hidden-accessible, .ui-helper-hidden, .sr-only') || e.classList.contains('skip-link')) {
                        return;
                    }
                    if (r.height < 44) { small.push(e.tagName + '#' + e.id + ' "' + (e.textContent || e.value || '').trim().slice(0, 30) + '" ' + Math.round(r.height) + 'px'); }
                });
                return small;
                """);
        assertTrue(small.isEmpty(), path() + " has controls under 44 px: " + small);
    }
}
