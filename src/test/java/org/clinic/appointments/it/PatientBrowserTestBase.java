package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** Steps of the patient journey, for the patient-side browser tests. */
abstract class PatientBrowserTestBase extends BrowserTestBase {

    static final String PASSWORD = "Monsoon-Tea-42";
    static final ZoneId CLINIC_ZONE = ZoneId.of("Asia/Kolkata");

    static LocalDate inDays(int days) {
        return LocalDate.now(CLINIC_ZONE).plusDays(days);
    }

    /** Registers a new patient and logs in; returns the e-mail address. */
    protected String registerAndLogin(String name) {
        return registerAndLogin(name, "patient-" + UUID.randomUUID() + "@example.com");
    }

    protected String registerAndLogin(String name, String email) {
        open("/register");
        type("registerForm:name", name);
        type("registerForm:email", email);
        type("registerForm:phone", "+91 98765 43210");
        type("registerForm:password", PASSWORD);
        clickAndWait("registerForm:register");
        type("loginForm:email", email);
        type("loginForm:password", PASSWORD);
        clickAndWait("loginForm:login");
        assertTrue(path().startsWith("/patient/"), "logged in, now at " + path());
        return email;
    }

    protected void openBooking(String doctorId) {
        open("/patient/book?doctor=" + doctorId);
        assertEquals("/patient/book", path());
    }

    /** Follows the day's link: the page shows that day's slots. */
    protected void chooseDate(LocalDate date) {
        clickAndWait(browser().findElement(By.cssSelector("a[data-date='" + date + "']")).getAttribute("id"));
        assertTrue(browser().getCurrentUrl().contains("date=" + date), "the day's page opened");
    }

    /** The radio button of the slot at this time. */
    protected WebElement slotRadio(String time) {
        return browser().findElement(By.xpath("//ul[@id='bookForm:time']//input[@type='radio'][@value='" + time + "']"));
    }

    protected boolean slotOffered(String time) {
        return slotRadio(time).isEnabled();
    }

    /** Clicks the slot's label, as a person does (the radio itself is drawn by its label). */
    protected void chooseSlot(String time) {
        browser().findElement(By.cssSelector("label[for='" + slotRadio(time).getAttribute("id") + "']")).click();
        assertTrue(slotRadio(time).isSelected(), time + " is chosen");
    }

    /** Books a slot from the booking page and returns the held appointment's id (the payment page opens). */
    protected String hold(String doctorId, LocalDate date, String time, String reason) {
        openBooking(doctorId);
        chooseDate(date);
        chooseSlot(time);
        type("bookForm:reason", reason);
        clickAndWait("bookForm:submit");
        assertEquals("/patient/pay", path(), "after holding a slot the payment page opens: " + messages());
        return appointmentIdInUrl();
    }

    protected String appointmentIdInUrl() {
        String url = browser().getCurrentUrl();
        return url.replaceFirst(".*[?&]id=([^&]+).*", "$1");
    }

    protected void chooseMethod(String label) {
        browser().findElement(By.xpath("//table[@id='payForm:method']//label[normalize-space(.)='" + label + "']"
                + " | //div[@id='payForm:method']//label[normalize-space(.)='" + label + "']")).click();
        waitUntilReady();
    }

    /** Picks an option of a PrimeFaces select menu through its widget, as a click on the option would. */
    protected void selectMenu(String id, String value) {
        ((org.openqa.selenium.JavascriptExecutor) browser()).executeScript(
                "PrimeFaces.getWidgetById(arguments[0]).selectValue(arguments[1]);", id, value);
        waitUntilReady();
        assertEquals(value, nativeSelect(id).getFirstSelectedOption().getAttribute("value"));
    }

    protected void payByCard(String number, String expiry, String cvv, String name) {
        chooseMethod("Credit or debit card");
        type("payForm:cardNumber", number);
        type("payForm:cardExpiry", expiry);
        type("payForm:cardCvv", cvv);
        type("payForm:cardName", name);
        clickAndWait("payForm:pay");
    }

    protected static String validExpiry() {
        LocalDate next = LocalDate.now().plusYears(2);
        return String.format("%02d/%02d", next.getMonthValue(), next.getYear() % 100);
    }

    /** The options a native select would offer, for checks on PrimeFaces menus. */
    protected Select nativeSelect(String id) {
        return new Select(id(id + "_input"));
    }
}
