package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** An admin runs the clinic in the browser: dashboard filters and export, actions and history, timetable, calendar, audit. */
@RunAsClient
class AdminPortalBrowserIT extends BrowserTestBase {

    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    private static final LocalDate TODAY = LocalDate.now(ZONE);
    private static final LocalDate SOON = TODAY.plusDays(3);
    private static final String PASSWORD = WebClient.PASSWORD;

    @Deployment(testable = false)
    static WebArchive deployment() {
        String heldUntil = "\"hold_expires_at\": \"" + java.time.Instant.now().plus(Duration.ofHours(2)) + "\"";
        // Twelve changes for the audit trail's pages.
        String movedBack = "\"history\": [" + java.util.stream.IntStream.range(0, 12).mapToObj(i -> ("{\"at\": \"2026-01-%02dT10:00:00Z\", "
                + "\"actor\": \"seed-esha.bose\", \"action\": \"rescheduled\", \"note\": \"move %d\"}").formatted(i + 1, i + 1))
                .collect(java.util.stream.Collectors.joining(", ")) + "]";
        return Deployments.app("admin-portal", true, dir -> Deployments.writeAppointments(dir, List.of(
                // For the dashboard's filters and export (doc3 and doc4 only; no test changes them).
                Deployments.appointment("f1", "Farah Khan", "doc3", SOON, "09:00 AM", "confirmed", "Success", "UPI", null),
                Deployments.appointment("f2", "Gopal Iyer", "doc3", SOON, "10:00 AM", "confirmed", "Pending", "Pay-at-Clinic", null),
                Deployments.appointment("f3", "Farid Ali", "doc3", SOON.plusDays(1), "09:00 AM", "cancelled", "Failed", "Card", null),
                Deployments.appointment("f4", "Hema Rao", "doc4", SOON, "09:00 AM", "confirmed", "Success", "Wallet", null),
                // For the actions (doc1 and doc2).
                Deployments.appointment("a1", "Riya Sharma", "doc1", SOON, "09:00 AM", "confirmed", "Success", "Card", null),
                Deployments.appointment("a2", "Kabir Mehta", "doc1", SOON, "10:00 AM", "confirmed", "Pending", "Pay-at-Clinic", null),
                Deployments.appointment("a3", "Neha Gupta", "doc2", TODAY.minusDays(1), "09:00 AM", "confirmed", "Success", "UPI", null),
                // For the timetable and the calendar (doc5).
                Deployments.appointment("t1", "Tara Singh", "doc5", SOON, "09:00 AM", "confirmed", "Success", "UPI", null),
                Deployments.appointment("t2", "Uday Patel", "doc5", SOON, "11:00 AM", "pending_payment", null, null, heldUntil),
                // For arrival and completion (doc6, today).
                Deployments.appointment("d1", "Divya Nair", "doc6", TODAY, "05:00 PM", "confirmed", "Pending", "Pay-at-Clinic", null),
                // Booked at times the clinic's slots no longer have (doc7).
                Deployments.appointment("e1", "Esha Bose", "doc7", SOON, "06:30 AM", "confirmed", "Success", "UPI", movedBack),
                Deployments.appointment("e2", "Ehsan Mir", "doc7", SOON, "08:30 PM", "confirmed", "Success", "UPI", null))));
    }

    /** The clinic's first admin (registered with the code), who invites every later one through the page. */
    private static String firstAdmin;

    private String registerAdmin(String name) {
        String email = "admin-" + UUID.randomUUID() + "@example.com";
        if (firstAdmin == null) {
            open("/admin/register");
            type("registerForm:name", name);
            type("registerForm:email", email);
            type("registerForm:phone", "+91 99999 00000");
            type("registerForm:password", PASSWORD);
            type("registerForm:adminCode", Deployments.ADMIN_CODE);
            clickAndWait("registerForm:register");
            firstAdmin = email;
            return email;
        }
        logIn(firstAdmin);
        open("/admin/invitations");
        type("inviteForm:name", name);
        type("inviteForm:email", email);
        clickAndWait("inviteForm:invite");
        String link = browser().findElement(By.id("invitationLink")).getAttribute("value");
        clickAndWait("logoutForm:logout");
        browser().get(link);
        assertTrue(text("invitedAs").contains(name), text("invitedAs"));
        type("acceptForm:password", PASSWORD);
        clickAndWait("acceptForm:accept");
        assertTrue(messages().contains("Your admin account is ready"), messages());
        return email;
    }

    private void logIn(String email) {
        open("/admin/login");
        type("loginForm:email", email);
        type("loginForm:password", PASSWORD);
        clickAndWait("loginForm:login");
        assertEquals("/admin/dashboard", path());
    }

    private void loginAsNewAdmin(String name) {
        logIn(registerAdmin(name));
    }

    /** The patients of the table's rows as shown, read at once (an ajax page may replace the rows meanwhile). */
    @SuppressWarnings("unchecked")
    private List<String> patientsInTable() {
        return (List<String>) ((JavascriptExecutor) browser()).executeScript(
                "return Array.from(document.querySelectorAll('#table\\\\:appointments .appointment-row .patient-name'))"
                        + ".map(name => name.textContent.trim());");
    }

    private String query() {
        String url = browser().getCurrentUrl();
        return url.contains("?") ? url.substring(url.indexOf('?') + 1) : "";
    }

    private void setDate(String id, LocalDate date) {
        ((JavascriptExecutor) browser()).executeScript("document.getElementById(arguments[0]).value = arguments[1];",
                id, date.toString());
    }

    /** Clicks an action button and answers the confirm dialog with yes; waits for the AJAX update. */
    private void actAndConfirm(WebElement button) {
        ((JavascriptExecutor) browser()).executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
        button.click();
        WebElement yes = id("confirmYes");
        waitFor(yes::isDisplayed, "the confirm dialog");
        yes.click();
        waitFor(() -> isGone(yes) || !yes.isDisplayed(), "the confirm dialog to close");
        waitUntilReady();
    }

    private WebElement actionButton(String containerCss, String action) {
        return browser().findElement(By.cssSelector(containerCss + " .action-" + action));
    }

    private boolean hasAction(String containerCss, String action) {
        return !browser().findElements(By.cssSelector(containerCss + " .action-" + action)).isEmpty();
    }

    @Test
    void theDashboardFiltersByUrlAndExportsTheFilteredRows() throws IOException {
        loginAsNewAdmin("Dashboard Admin");
        assertEquals("12", text("totalCount"));
        assertNoCellCutOff();

        new Select(id("filters:doctor")).selectByValue("doc3");
        new Select(id("filters:status")).selectByValue("confirmed");
        clickAndWait("filters:apply");
        assertTrue(query().contains("doctor=doc3") && query().contains("status=confirmed"), query());
        assertEquals(List.of("Gopal Iyer", "Farah Khan"), patientsInTable(), "same day, later slot first");

        open("/admin/dashboard?q=FAR");
        assertEquals(List.of("Farid Ali", "Farah Khan"), patientsInTable(), "search by name, any case");
        assertEquals("FAR", id("filters:q").getAttribute("value"), "the form shows the bookmarked filter");

        open("/admin/dashboard?doctor=doc3&method=Pay-at-Clinic&payment=Pending");
        assertEquals(List.of("Gopal Iyer"), patientsInTable());

        open("/admin/dashboard?from=" + SOON.plusDays(1) + "&to=" + SOON.plusDays(1));
        assertEquals(List.of("Farid Ali"), patientsInTable());

        open("/admin/dashboard?doctor=doc3&status=confirmed");
        Path csv = downloads().resolve("appointments.csv");
        Files.deleteIfExists(csv);
        id("table:exportCsv").click();
        waitFor(() -> Files.exists(csv) && csvRows(csv).size() == 3, "the CSV download");
        List<String> rows = csvRows(csv);
        assertTrue(rows.get(0).contains("\"Patient\"") && rows.get(0).contains("\"Transaction id\""), rows.get(0));
        assertTrue(rows.get(1).contains("\"Gopal Iyer\"") && rows.get(1).contains("\"Pay at clinic\""), rows.get(1));
        assertTrue(rows.get(2).contains("\"Farah Khan\"") && rows.get(2).contains("\"TXN-f1\""), rows.get(2));
        assertFalse(String.join("\n", rows).contains("Hema Rao"), "only the filtered rows");

        open("/admin/dashboard?status=nonsense&from=31-31-2026");
        assertTrue(messages().contains("could not be read"), messages());
        assertEquals("12", text("totalCount"));
    }

    @Test
    void theTablesPageSizeAndOrderAreKeptInTheAddressForBackAndReload() {
        loginAsNewAdmin("Paging Admin");
        open("/admin/dashboard");
        new Select(browser().findElement(By.cssSelector("#table\\:appointments .ui-paginator-rpp-options"))).selectByValue("10");
        waitFor(() -> patientsInTable().size() == 10 && query().contains("rows=10"), "ten rows, and the address says so");
        browser().findElement(By.cssSelector("#table\\:appointments .ui-paginator-next")).click();
        waitFor(() -> patientsInTable().size() == 2 && query().contains("page=2"), "the second page, and the address says so");
        List<String> secondPage = patientsInTable();
        browser().findElements(By.cssSelector("#table\\:appointments .appointment-row .details")).get(0).click();
        waitFor(() -> path().equals("/admin/appointment"), "the appointment");
        browser().navigate().back();
        waitFor(() -> path().equals("/admin/dashboard") && !patientsInTable().isEmpty(), "the dashboard again");
        assertEquals(secondPage, patientsInTable(), "Back returns to the page the admin was on");
        assertEquals("11–12 / 12", text(browser().findElement(By.cssSelector("#table\\:appointments .ui-paginator-current"))));

        browser().findElements(By.cssSelector("#table\\:appointments th.ui-sortable-column")).stream()
                .filter(th -> th.getText().contains("Patient")).findFirst().orElseThrow().click();
        waitFor(() -> query().contains("sort=patient") && query().contains("order=asc") && !query().contains("page="),
                "sorted by patient from the first page, and the address says so");
        List<String> byName = patientsInTable();
        assertEquals(byName.stream().sorted().toList(), byName);
        browser().navigate().refresh();
        waitFor(() -> byName.equals(patientsInTable()), "a reload keeps the order and the page size");

        open("/admin/audit");
        new Select(browser().findElement(By.cssSelector("#table\\:audit .ui-paginator-rpp-options"))).selectByValue("10");
        waitFor(() -> query().contains("rows=10"), "the audit trail's page size in the address");
        browser().findElement(By.cssSelector("#table\\:audit .ui-paginator-next")).click();
        waitFor(() -> query().contains("page=2"), "its page in the address");
        String auditPage = text(browser().findElement(By.cssSelector("#table\\:audit .ui-paginator-current")));
        assertTrue(auditPage.startsWith("11–"), auditPage);
        browser().findElements(By.cssSelector("#table\\:audit .audit-appointment")).get(0).click();
        waitFor(() -> path().equals("/admin/appointment"), "the appointment");
        browser().navigate().back();
        waitFor(() -> path().equals("/admin/audit"), "the audit trail again");
        assertEquals(auditPage, text(browser().findElement(By.cssSelector("#table\\:audit .ui-paginator-current"))),
                "Back returns to the audit trail's page the admin was on");

        open("/admin/dashboard?rows=10&page=7");
        assertFalse(patientsInTable().isEmpty(), "a page past the end shows rows, not an empty table: " + pageText());
        open("/admin/dashboard?rows=11&page=x");
        assertTrue(messages().contains("number of rows per page") && messages().contains("page number"), messages());
        assertEquals(12, patientsInTable().size(), "the usual 25 rows a page");
    }

    private static List<String> csvRows(Path csv) {
        try {
            return Files.readAllLines(csv, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Test
    void everyActionIsConfirmedRecordedWithItsNoteAndRefusedWhenItNoLongerApplies() throws IOException {
        loginAsNewAdmin("Action Admin");

        open("/admin/appointment?id=a1");
        assertTrue(hasAction("#actions", "cancel") && hasAction("#actions", "refund"));
        assertFalse(hasAction("#actions", "no_show"), "not before the slot's start");
        assertFalse(hasAction("#actions", "mark_paid"), "not a Pay-at-Clinic payment");
        type("actions:note", "Patient phoned to cancel");
        actAndConfirm(actionButton("#actions", "cancel"));
        assertTrue(messages().contains("Cancelled: Riya Sharma"), messages());
        waitFor(() -> text("summaryStatus").equals("Cancelled"), "the status after cancelling");
        assertEquals("Paid", text("summaryPayment"), "cancelling alone does not refund");
        WebElement latest = browser().findElements(By.cssSelector(".history-row")).get(0);
        assertTrue(latest.getText().contains("Action Admin") && latest.getText().contains("Cancelled")
                && latest.getText().contains("Patient phoned to cancel"), latest.getText());

        actAndConfirm(actionButton("#actions", "refund"));
        waitFor(() -> text("summaryPayment").equals("Refunded"), "the payment after the refund");
        assertFalse(hasAction("#actions", "refund"), "a payment is refunded once");
        String givenBack = browser().findElements(By.cssSelector(".history-row")).get(0).getText();
        assertTrue(givenBack.contains("Charge given back by the gateway") && givenBack.contains("TXN-a1 given back as RFD"),
                "the card payment went back through the gateway: " + givenBack);
        String facts = browser().findElement(By.cssSelector(".charge-given-back")).getText();
        assertTrue(facts.startsWith("TXN-a1 as RFD"), facts);
        assertTrue(exists("noActions"));

        open("/admin/timetable?doctor=doc1&date=" + SOON);
        WebElement nine = browser().findElement(By.xpath("//tr[contains(@class,'slot-row')][td[contains(@class,'slot-time')][contains(., '09:00 AM')]]"));
        assertTrue(nine.getText().contains("Available"), "the cancelled slot is free at once: " + nine.getText());

        open("/admin/appointment?id=a3");
        actAndConfirm(actionButton("#actions", "no_show"));
        waitFor(() -> text("summaryStatus").equals("No-show"), "the no-show");

        // A second admin marks Kabir's payment while this page still offers the button: the stale click is refused.
        open("/admin/appointment?id=a2");
        assertTrue(hasAction("#actions", "mark_paid"));
        WebDriver other = null;
        try {
            other = newBrowser();
            use(other);
            loginAsNewAdmin("Desk Admin");
            open("/admin/appointment?id=a2");
            actAndConfirm(actionButton("#actions", "mark_paid"));
            waitFor(() -> text("summaryPayment").equals("Paid"), "the payment marked by the other admin");
        } finally {
            use(null);
            if (other != null) {
                other.quit();
            }
        }
        actAndConfirm(actionButton("#actions", "mark_paid"));
        assertTrue(messages().contains("Only a Pay-at-Clinic payment that is still pending can be marked as paid"), messages());
        open("/admin/appointment?id=a2");
        long markings = browser().findElements(By.cssSelector(".history-row")).stream()
                .filter(r -> r.getText().contains("Marked paid at the clinic")).count();
        assertEquals(1, markings, "the refused click changed nothing");

        open("/admin/audit?action=marked_paid");
        List<WebElement> audit = browser().findElements(By.cssSelector(".audit-row"));
        assertEquals(1, audit.size());
        assertTrue(audit.get(0).getText().contains("Desk Admin") && audit.get(0).getText().contains("Kabir Mehta"),
                audit.get(0).getText());
        open("/admin/audit?action=refunded");
        assertTrue(pageText().contains("Riya Sharma"));
    }

    @Test
    void theTimetableShowsEachSlotAndTheCalendarOpensAnAppointment() {
        loginAsNewAdmin("Timetable Admin");
        open("/admin/timetable?doctor=doc5&date=" + SOON);
        List<WebElement> rows = browser().findElements(By.cssSelector(".slot-row"));
        assertEquals(8, rows.size(), "every slot of the day");
        assertTrue(rows.get(0).getText().contains("Booked") && rows.get(0).getText().contains("Tara Singh"), rows.get(0).getText());
        assertTrue(rows.get(1).getText().contains("Available"));
        assertTrue(rows.get(2).getText().contains("Held") && rows.get(2).getText().contains("min left")
                && rows.get(2).getText().contains("Uday Patel"), rows.get(2).getText());
        assertTrue(hasAction(".slot-row:nth-child(1)", "cancel") && !hasAction(".slot-row:nth-child(1)", "no_show"));

        actAndConfirm(browser().findElement(By.cssSelector(".slot-held .action-cancel")));
        waitFor(() -> browser().findElements(By.cssSelector(".slot-held")).isEmpty(), "the released hold");
        assertTrue(browser().findElements(By.cssSelector(".slot-row")).get(2).getText().contains("Available"));

        assertTrue(clickPrints("print"), "Print the day opens the browser's print dialog");
        showOnPaper(true);
        assertEquals(8, browser().findElements(By.cssSelector(".slot-row")).stream().filter(WebElement::isDisplayed).count(),
                "every slot is on the paper");
        assertTrue(id("timetableDay").isDisplayed()
                && browser().findElement(By.cssSelector(".slot-row")).getText().contains("Tara Singh"));
        assertTrue(browser().findElements(By.cssSelector(".row-actions .ui-button, .filters, .day-nav a, nav"))
                .stream().noneMatch(WebElement::isDisplayed), "no menu, filter, day link or action button on paper");
        showOnPaper(false);

        clickAndWait("nextDay");
        assertTrue(query().contains("date=" + SOON.plusDays(1)), query());
        clickAndWait("previousDay");
        assertTrue(query().contains("date=" + SOON), query());

        open("/admin/calendar?doctor=doc5&view=timeGridWeek&date=" + SOON);
        waitFor(() -> !browser().findElements(By.cssSelector(".fc-event.event-confirmed")).isEmpty(), "the week's events");
        assertEquals("09:00:00", firstCalendarHour(), "the week shows the working hours, 9 to 6 by default");
        assertEquals("17:30:00", lastCalendarHalfHour());
        String dayHeading = browser().findElement(By.cssSelector(".fc-col-header-cell[data-date='" + SOON + "']")).getText();
        assertTrue(dayHeading.matches(".*\\b0?" + SOON.getDayOfMonth() + "/0?" + SOON.getMonthValue() + "$"),
                "the day before the month, as everywhere in the product: " + dayHeading);
        String title = browser().findElement(By.cssSelector(".fc-toolbar-title")).getText();
        assertTrue(title.matches("\\d{1,2}\\b.*"), "the week's title starts with its first day's number: " + title);
        assertEquals("Today", browser().findElement(By.cssSelector(".fc-today-button")).getText());
        WebElement event = browser().findElements(By.cssSelector(".fc-event.event-confirmed")).get(0);
        assertTrue(event.getText().contains("Tara Singh"), event.getText());
        event.click();
        waitFor(() -> path().equals("/admin/appointment"), "the appointment page");
        assertEquals("t1", text("appointmentId"));
        showOnPaper(true);
        assertTrue(id("appointmentId").isDisplayed() && id("summaryDoctor").isDisplayed());
        assertFalse(id("actionsCard").isDisplayed(), "the actions are left off the printed appointment");
        showOnPaper(false);

        open("/admin/calendar?doctor=doc7&view=timeGridWeek&date=" + SOON);
        waitFor(() -> browser().findElements(By.cssSelector(".fc-event")).size() == 2, "the week's events");
        waitFor(() -> "06:00:00".equals(firstCalendarHour()) && "20:30:00".equals(lastCalendarHalfHour()),
                "the hours widened to the appointments outside the working hours");
        assertTrue(browser().findElements(By.cssSelector(".fc-event")).stream()
                .allMatch(e -> e.isDisplayed() && e.getSize().getHeight() > 10), "both appointments are shown");
        String week = calendarTitle();
        browser().findElement(By.cssSelector(".fc-next-button")).click();
        waitFor(() -> !calendarTitle().equals(week), "the next week");
        String nextWeek = calendarTitle();
        waitFor(() -> !query().contains("date=" + SOON), "the address follows the week shown");
        browser().navigate().refresh();
        waitFor(() -> nextWeek.equals(calendarTitle()), "the same week again, as after Back from an appointment");
        assertTrue(query().contains("doctor=doc7") && query().contains("view=timeGridWeek"), query());
        browser().findElement(By.cssSelector(".fc-next-button")).click();
        waitFor(() -> !calendarTitle().equals(nextWeek), "the week after");
        String weekAfter = calendarTitle();
        new Select(id("choose:doctor")).selectByValue("doc5");
        clickAndWait("choose:show");
        waitFor(() -> weekAfter.equals(calendarTitle()), "another doctor's calendar on the week shown");
        assertTrue(query().contains("doctor=doc5"), query());

        open("/admin/calendar?view=dayGridMonth&date=" + SOON);
        waitFor(() -> browser().findElements(By.cssSelector(".fc-event")).size() >= 5, "all doctors' appointments in the month");
        assertTrue(Stream.of("Tara Singh", "Farah Khan", "Hema Rao").allMatch(pageText()::contains), pageText());
    }

    private String calendarTitle() {
        return browser().findElement(By.cssSelector(".fc-toolbar-title")).getText();
    }

    private String firstCalendarHour() {
        return browser().findElement(By.cssSelector(".fc-timegrid-slot-label")).getAttribute("data-time");
    }

    private String lastCalendarHalfHour() {
        List<WebElement> slots = browser().findElements(By.cssSelector(".fc-timegrid-slot-lane"));
        return slots.get(slots.size() - 1).getAttribute("data-time");
    }

    @Test
    void onTheDayThePatientIsCheckedInAndTheVisitCompletedOnTheTimetable() {
        loginAsNewAdmin("Arrival Admin");
        open("/admin/timetable?doctor=doc6&date=" + TODAY);
        String row = ".slot-row:nth-child(8)";
        assertTrue(text(browser().findElement(By.cssSelector(row))).contains("Divya Nair"));
        assertTrue(hasAction(row, "arrive") && !hasAction(row, "complete"), "a confirmed appointment today can be checked in");
        actAndConfirm(actionButton(row, "arrive"));
        waitFor(() -> text(browser().findElement(By.cssSelector(row))).contains("Arrived"), "the arrival");
        assertTrue(hasAction(row, "complete") && !hasAction(row, "arrive") && !hasAction(row, "cancel"),
                "an arrived patient's visit can be completed, no longer cancelled");
        assertTrue(hasAction(row, "mark_paid"), "and paid at the clinic");
        actAndConfirm(actionButton(row, "complete"));
        waitFor(() -> text(browser().findElement(By.cssSelector(row))).contains("Completed"), "the completion");

        open("/admin/dashboard?status=completed");
        assertEquals("1", text("completedCount"));
        assertTrue(pageText().contains("Divya Nair"), "the status filter has the new states");
        open("/admin/appointment?id=d1");
        assertTrue(pageText().contains("Arrived (checked in)") && pageText().contains("Visit completed")
                && pageText().contains("Arrival Admin"), "both steps are in the history with the admin");
        open("/admin/timetable?doctor=doc5&date=" + SOON);
        assertFalse(hasAction(".slot-row:nth-child(1)", "arrive"), "not before the day");
    }

    @Test
    void theAdminPagesFitAPhoneTheCalendarWithItsWeekVisible() {
        loginAsNewAdmin("Phone Admin");
        org.openqa.selenium.Dimension desktop = browser().manage().window().getSize();
        browser().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            for (String page : List.of("/admin/dashboard", "/admin/doctors", "/admin/audit",
                    "/admin/timetable?doctor=doc5&date=" + SOON, "/admin/schedule", "/admin/appointment?id=t1", "/admin/doctor?id=doc5",
                    "/admin/invitations")) {
                open(page);
                assertNothingScrollsSideways();
                checkAccessibility();
            }
            open("/admin/calendar?doctor=doc5&view=timeGridWeek&date=" + SOON);
            waitFor(() -> !browser().findElements(By.cssSelector(".fc-event.event-confirmed")).isEmpty(), "the week's events");
            assertNothingScrollsSideways();
            WebElement grid = browser().findElement(By.cssSelector(".fc-view-harness"));
            assertTrue(grid.getSize().getHeight() > 300, "the week's hours are shown: " + grid.getSize());
            String dayHeading = browser().findElement(By.cssSelector(".fc-col-header-cell[data-date='" + SOON + "']")).getText();
            assertTrue(dayHeading.endsWith(String.valueOf(SOON.getDayOfMonth())), "a day's column is headed by its number: " + dayHeading);
        } finally {
            browser().manage().window().setSize(desktop);
        }
    }

    /** Every cell of the page's tables shows all it holds: no address, badge or action button is cut off. */
    @SuppressWarnings("unchecked")
    private void assertNoCellCutOff() {
        List<String> cut = (List<String>) ((JavascriptExecutor) browser()).executeScript("""
                return Array.from(document.querySelectorAll('.ui-datatable td'))
                    .filter(function (td) { return td.offsetParent && td.scrollWidth > td.clientWidth + 1; })
                    .map(function (td) { return td.textContent.trim().replace(/\\s+/g, ' ').slice(0, 40) + ' (' + td.scrollWidth + ' in ' + td.clientWidth + ' px)'; });
                """);
        assertTrue(cut.isEmpty(), path() + " cuts cells off: " + cut);
    }

    private static String text(WebElement element) {
        return element.getText();
    }
}
