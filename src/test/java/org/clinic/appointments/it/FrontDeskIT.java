package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.clinic.appointments.domain.User;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The front desk: an admin finds a patient or registers a walk-in and books a free slot for them, confirmed at
 * once; the patient's own limits do not bind the admin, who is told when a booking goes beyond one.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FrontDeskIT {

    private static final Pattern PATIENT_LINK = Pattern.compile("/admin/book\\?patient=([0-9a-f-]{36})");
    private static final Pattern SELECTED = Pattern.compile(
            "<select id=\"deskForm:(\\w+)\" name=\"deskForm:\\w+\"[^>]*>(?:(?!</select>).)*?<option value=\"([^\"]*)\" selected=\"selected\"",
            Pattern.DOTALL);

    @Deployment(testable = false)
    static WebArchive frontDesk() {
        return Deployments.app("front-desk", true, "appointments.max-active-bookings=2");
    }

    @ArquillianResource
    URL baseUrl;

    private static WebClient admin;

    private WebClient admin() {
        if (admin == null) {
            admin = new WebClient(baseUrl);
            admin.registerAndLogin("Desk Admin", Deployments.ADMIN_CODE);
        }
        return admin;
    }

    @Test
    void theDeskBooksBeyondAPatientsOwnLimitAndSaysSo() {
        WebClient patient = new WebClient(baseUrl);
        String email = patient.registerAndLogin("Limited Patient", null);
        LocalDate tomorrow = LocalDate.now(java.time.ZoneId.of("Asia/Kolkata")).plusDays(1);
        assertEquals(302, patient.payAtClinic(holdOn(patient, "doc1", tomorrow, 0)).statusCode());
        assertEquals(302, patient.payAtClinic(holdOn(patient, "doc2", tomorrow, 7)).statusCode());
        WebClient.FormPage doc3 = patient.open("/patient/book?doctor=doc3&date=" + tomorrow);
        String refused = patient.post(doc3, "bookForm", "submit", Map.of("time", freeTimes(doc3).get(1), "reason", "One more"))
                .body();
        assertTrue(refused.contains("the most one patient may hold at a time"), "the patient is held to the limit");

        String found = admin().submit("/admin/book", "findForm", "search", Map.of("query", email)).body();
        Matcher link = PATIENT_LINK.matcher(found);
        assertTrue(link.find(), "the desk finds the patient by e-mail address");
        String page = admin().get("/admin/book?patient=" + link.group(1)).body();
        assertTrue(page.contains("Book for Limited Patient"), "the desk books for the patient chosen");
        assertTrue(page.contains("This patient has 2 upcoming bookings; patients booking themselves may have 2."),
                "the desk sees the limit");

        HttpResponse<String> booked = bookDefaults(admin(), "/admin/book?patient=" + link.group(1), true);
        assertEquals(302, booked.statusCode(), "the desk is not bound by the patient's limit");
        String appointment = admin().get(location(booked)).body();
        assertTrue(appointment.contains("goes beyond what the patient could book themselves"), "and is told about it");
        assertTrue(appointment.contains("Confirmed") && appointment.contains("Paid"), "confirmed and paid at once");
        assertTrue(appointment.contains("Desk Admin") && appointment.contains("front desk"), "the admin is the actor");
        String deskId = location(booked).replaceFirst(".*id=", "");
        assertTrue(patient.get("/patient/appointments").body().contains(deskId), "the patient sees the booking made for them");
    }

    @Test
    void aWalkInPatientIsRegisteredWithANameAndPhoneAndBookedToPayAtTheClinic() {
        HttpResponse<String> registered = admin().submit("/admin/book", "walkInForm", "register",
                Map.of("name", "Walk In Person", "phone", "+91 90000 11111"));
        assertEquals(302, registered.statusCode());
        String deskPage = location(registered);
        String page = admin().get(deskPage).body();
        assertTrue(page.contains("Book for Walk In Person") && page.contains("(walk-in, no e-mail)"), "the walk-in is chosen");
        String patientId = deskPage.replaceFirst(".*patient=", "");
        String opened = admin().get("/admin/patient?id=" + patientId).body();
        assertTrue(opened.contains("Account opened by Desk Admin"), "who opened the account is kept on it");
        java.util.List<String> audit = PatientsAdminIT.accountChanges(admin().get("/admin/audit?action=user.registered").body());
        assertTrue(audit.stream().anyMatch(row -> row.contains("Desk Admin") && row.contains("Walk In Person")),
                "and in the audit trail: " + audit);

        HttpResponse<String> booked = bookDefaults(admin(), deskPage, false);
        assertEquals(302, booked.statusCode());
        String appointment = admin().get(location(booked)).body();
        assertTrue(appointment.contains("Confirmed") && appointment.contains("Pending"), "to be paid at the clinic");
        String dashboard = admin().get("/admin/dashboard?q=Walk+In+Person").body();
        String csv = new String(admin().download("/admin/dashboard?q=Walk+In+Person", "table", "exportCsv").body(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(appointment.contains("(walk-in, no e-mail)") && dashboard.contains("(walk-in, no e-mail)")
                && csv.contains("Walk In Person"), "the appointment, the dashboard and its export name the walk-in");
        for (String shown : List.of(appointment, dashboard, csv)) {
            assertFalse(shown.contains(User.WALK_IN_DOMAIN), "the placeholder address is never shown");
        }

        String byPhone = admin().submit("/admin/book", "findForm", "search", Map.of("query", "90000 11111")).body();
        assertTrue(byPhone.contains("Walk In Person"), "found again by phone");
        String bad = admin().submit("/admin/book", "walkInForm", "register", Map.of("name", "<b>x</b>", "phone", "12")).body();
        assertTrue(bad.contains("Please enter a phone number") || bad.contains("phone"), "a bad walk-in is refused with a message");
    }

    @Test
    void aWalkInWithTheNumberOfARegisteredPatientIsShownThemBeforeANewRecordIsMade() {
        assertEquals(302, admin().submit("/admin/book", "walkInForm", "register",
                Map.of("name", "Number Holder", "phone", "+91 93333 71717")).statusCode());
        WebClient.FormPage desk = admin().open("/admin/book");
        HttpResponse<String> warned = admin().post(desk, "walkInForm", "register",
                Map.of("name", "Number Sharer", "phone", "093333-71717"));
        assertEquals(200, warned.statusCode(), "no record is made yet");
        assertTrue(warned.body().contains("A patient with the phone number 093333-71717 is already registered")
                && warned.body().contains("Number Holder"), "the patient with that number is shown to choose");
        assertTrue(admin().submit("/admin/book", "findForm", "search", Map.of("query", "Number Sharer")).body()
                .contains("No patient matches"), "nobody was registered");

        HttpResponse<String> anyway = admin().post(admin().answered(desk.path(), warned.body()), "walkInForm",
                "registerAnyway", Map.of("name", "Number Sharer", "phone", "093333-71717"));
        assertEquals(302, anyway.statusCode(), "someone else sharing the number is registered when the desk says so");
        String byNumber = admin().submit("/admin/book", "findForm", "search", Map.of("query", "93333 71717")).body();
        assertTrue(byNumber.contains("Number Holder") && byNumber.contains("Number Sharer"), "both are found by the number");
    }

    @Test
    void theDeskMovesAPatientsAppointmentForThemOnlyToAFreeWorkedSlot() {
        WebClient patient = new WebClient(baseUrl);
        patient.registerAndLogin("Phoning Patient", null);
        LocalDate day = LocalDate.now(java.time.ZoneId.of("Asia/Kolkata")).plusDays(4);
        String id = holdOn(patient, "doc5", day, 0);
        assertEquals(302, patient.payAtClinic(id).statusCode());
        WebClient other = new WebClient(baseUrl);
        other.registerAndLogin("Other Patient", null);
        String taken = holdOn(other, "doc5", day.plusDays(1), 2);
        assertTrue(taken.length() > 0);

        String path = "/admin/appointment?id=" + id;
        WebClient.FormPage page = admin().open(path);
        admin().ajax(page, "move", "date", "valueChange", Map.of("date", day.plusDays(1).toString()));
        String refused = admin().post(page, "move", "moveIt", Map.of("date", day.plusDays(1).toString(), "time", "11:00 AM")).body();
        assertFalse(refused.contains("Moved: Phoning Patient"), "not onto another patient's slot: " + messages(refused));
        assertFalse(admin().get(path).body().contains("by the clinic"), "nothing moved");

        page = admin().open(path);
        admin().ajax(page, "move", "date", "valueChange", Map.of("date", day.plusDays(1).toString()));
        HttpResponse<String> answer = admin().post(page, "move", "moveIt",
                Map.of("date", day.plusDays(1).toString(), "time", "04:00 PM"));
        String moved = answer.body();
        assertTrue(moved.contains("Moved: Phoning Patient, now " + PageDates.day(day.plusDays(1)) + ", 04:00 PM"),
                "moved for the patient: " + answer.statusCode() + " " + messages(moved));
        String history = admin().get(path).body();
        assertTrue(history.contains("by the clinic") && history.contains("Desk Admin"), "the admin is the actor");
        assertTrue(patient.get("/patient/appointment?id=" + id).body().contains("04:00 PM"), "the patient sees the new time");
    }

    @Test
    void aDashboardRowsActionActsOnTheAppointmentShownInThatRow() {
        WebClient patient = new WebClient(baseUrl);
        patient.registerAndLogin("Row Patient", null);
        LocalDate day = LocalDate.now(java.time.ZoneId.of("Asia/Kolkata")).plusDays(10);
        String shownFirst = holdOn(patient, "doc8", day, 0);
        assertEquals(302, patient.payAtClinic(shownFirst).statusCode());
        String path = "/admin/dashboard?doctor=doc8&sort=slot&order=asc";
        WebClient.FormPage dashboard = admin().open(path);
        Matcher cancel = Pattern.compile("id=\"table:(appointments:0:[^\"]+:act)\"[^>]*action-cancel").matcher(dashboard.body());
        assertTrue(cancel.find() && dashboard.body().contains(shownFirst), "the first row is Row Patient's, with Cancel");

        WebClient earlier = new WebClient(baseUrl);
        earlier.registerAndLogin("Earlier Patient", null);
        String bookedMeanwhile = holdOn(earlier, "doc8", day.minusDays(1), 7);
        assertEquals(302, earlier.payAtClinic(bookedMeanwhile).statusCode());
        admin().post(dashboard, "table", cancel.group(1), Map.of());
        assertTrue(admin().get("/admin/appointment?id=" + bookedMeanwhile).body().contains("status-confirmed"),
                "not the appointment that took the first row meanwhile");
        assertTrue(admin().get("/admin/appointment?id=" + shownFirst).body().contains("status-cancelled"),
                "the row clicked is cancelled");
    }

    @Test
    void aSlotOfADoctorWhoDoesNotExistIsNamedNotChosen() {
        String page = admin().get("/admin/book?doctor=nobody&date=" + java.time.LocalDate.now().plusDays(2)
                + "&time=10:00%20AM").body();
        assertTrue(messages(page).contains("That doctor does not exist; no slot is chosen."), messages(page));
        assertFalse(page.contains("id=\"chosenSlot\""), "no slot is announced");
    }

    @Test
    void aChosenSlotThatIsNotFreeIsSaidSoBeforeThePatientIsFound() {
        java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Kolkata")).plusDays(6);
        WebClient taker = new WebClient(baseUrl);
        taker.registerAndLogin("Slot Taker", null);
        java.util.regex.Matcher time = WebClient.FREE_SLOT.matcher(taker.get("/patient/book?doctor=doc2&date=" + day).body());
        assertTrue(time.find(), "a free slot to take");
        taker.holdOn("doc2", day, "Check-up");
        String page = admin().get("/admin/book?doctor=doc2&date=" + day + "&time=" + time.group(1).replace(" ", "%20")).body();
        assertTrue(messages(page).contains(time.group(1) + " on " + PageDates.day(day) + " is not free now"), messages(page));
        String free = admin().get("/admin/book?doctor=doc2&date=" + day.plusDays(1) + "&time=" + time.group(1).replace(" ", "%20")).body();
        assertFalse(messages(free).contains("is not free now"), "a free slot is just chosen: " + messages(free));
    }

    @Test
    void patientsCannotUseTheDesk() {
        WebClient patient = new WebClient(baseUrl);
        patient.registerAndLogin("Curious Patient", null);
        assertNotEquals(200, patient.get("/admin/book").statusCode());
        assertFalse(patient.get("/admin/book").body().contains("Front desk"));
    }

    private static String messages(String page) {
        Matcher m = Pattern.compile("ui-messages?-(?:info|warn|error)(?:-summary|-detail)?\">([^<]*)<").matcher(page);
        StringBuilder text = new StringBuilder();
        while (m.find()) {
            text.append(m.group(1)).append(" | ");
        }
        return text.toString();
    }

    private static java.util.List<String> freeTimes(WebClient.FormPage page) {
        Matcher free = WebClient.FREE_SLOT.matcher(page.body());
        java.util.List<String> times = new java.util.ArrayList<>();
        while (free.find()) {
            times.add(free.group(1));
        }
        return times;
    }

    /** Holds the doctor's {@code nth} free slot on the date; answers the appointment's id. */
    private static String holdOn(WebClient patient, String doctor, LocalDate date, int nth) {
        WebClient.FormPage page = patient.open("/patient/book?doctor=" + doctor + "&date=" + date);
        java.util.List<String> times = freeTimes(page);
        assertEquals(8, times.size(), "a whole free day");
        HttpResponse<String> held = patient.post(page, "bookForm", "submit", Map.of("time", times.get(nth), "reason", "Check-up"));
        Matcher id = Pattern.compile("id=([0-9a-f-]{36})").matcher(held.headers().firstValue("Location").orElse(""));
        assertTrue(id.find(), "held: " + held.statusCode());
        return id.group(1);
    }

    @Test
    void aWalkInsCorrectedNameIsTheNameOnTheirBookings() {
        HttpResponse<String> registered = admin().submit("/admin/book", "walkInForm", "register",
                Map.of("name", "Sunita Kulkrni", "phone", "+91 90000 22222"));
        String deskPage = location(registered);
        String patientId = deskPage.replaceFirst(".*patient=", "");
        String appointmentPage = location(bookDefaults(admin(), deskPage, false));
        assertTrue(admin().submit("/admin/patient?id=" + patientId, "detailsForm", "save",
                Map.of("name", "Sunita Kulkarni", "phone", "+91 90000 22222")).body().contains("name and phone are saved"));

        String appointment = admin().get(appointmentPage).body();
        assertTrue(appointment.contains("Sunita Kulkarni") && !appointment.contains("Sunita Kulkrni"),
                "the booking names the patient as corrected");
        assertTrue(appointment.contains("Patient&#39;s name or address updated")
                || appointment.contains("Patient's name or address updated"), "and its history says so");
        assertTrue(appointment.contains("Confirmed") && !appointment.contains("Confirmed → Confirmed"),
                "a status that did not change is shown once");
        assertTrue(admin().get("/admin/dashboard?q=Sunita+Kulkarni").body().contains(appointmentPage.replaceFirst(".*id=", "")),
                "the dashboard finds it by the corrected name");
        assertFalse(admin().get("/admin/dashboard?q=Kulkrni").body().contains(appointmentPage.replaceFirst(".*id=", "")));
    }

    /** Books the slot the desk page proposes (its first doctor, first bookable day, first free time). */
    static HttpResponse<String> bookDefaults(WebClient client, String deskPage, boolean paidNow) {
        WebClient.FormPage page = client.open(deskPage);
        Matcher selected = SELECTED.matcher(page.body());
        Map<String, String> fields = new java.util.HashMap<>();
        while (selected.find()) {
            fields.put(selected.group(1), selected.group(2));
        }
        assertTrue(fields.keySet().containsAll(java.util.List.of("doctor", "date", "time")), "proposed: " + fields);
        fields.put("reason", "Booked by phone");
        if (paidNow) {
            fields.put("paidNow", "on");
        }
        return client.post(page, "deskForm", "book", fields);
    }

    static String location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.replaceFirst("^https?://[^/]+", "");
    }
}
