package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The clinic's own week, with the product's default (Monday to Saturday): holidays close the clinic, a doctor's
 * plan decides their slots from its date on, and bookings a change leaves outside working hours are listed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ScheduleIT {

    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    private static final LocalDate TODAY = LocalDate.now(ZONE);
    private static final LocalDate NEXT_SUNDAY = TODAY.with(TemporalAdjusters.next(DayOfWeek.SUNDAY));
    private static final LocalDate NEXT_MONDAY = TODAY.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    private static final LocalDate LATER_SATURDAY = NEXT_MONDAY.plusDays(12);

    @Deployment(testable = false)
    static WebArchive schedule() {
        return Deployments.app("schedule", true, ScheduleIT::earlierAndLaterDaysOff,
                "appointments.working-days=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY");
    }

    /** A holiday and a leave already past, a leave ending today, and a holiday months away. */
    private static void earlierAndLaterDaysOff(java.nio.file.Path dataDir) {
        String schedule = """
                {"holidays": [{"date": "%s", "name": "Old Festival"}, {"date": "%s", "name": "Far Festival"},
                              {"date": "%s", "name": "<b>Bold</b> Day"}],
                 "plans": {},
                 "leaves": [{"doctor_id": "doc6", "from": "%s", "to": "%s", "reason": "Old conference"},
                            {"doctor_id": "doc6", "from": "%s", "to": "%s", "reason": "Ends today"}]}
                """.formatted(TODAY.minusDays(40), TODAY.plusDays(200), TODAY.plusDays(201), TODAY.minusDays(30), TODAY.minusDays(28),
                TODAY.minusDays(2), TODAY);
        try {
            java.nio.file.Files.writeString(dataDir.resolve("schedule.json"), schedule);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ArquillianResource
    URL baseUrl;

    private static WebClient admin;
    private static WebClient patient;

    private WebClient admin() {
        if (admin == null) {
            admin = new WebClient(baseUrl);
            admin.registerAndLogin("Week Admin", Deployments.ADMIN_CODE);
        }
        return admin;
    }

    private WebClient patient() {
        if (patient == null) {
            patient = new WebClient(baseUrl);
            patient.registerAndLogin("Week Patient", null);
        }
        return patient;
    }

    private List<String> freeTimes(String doctor, LocalDate date) {
        String page = patient().get("/patient/book?doctor=" + doctor + "&date=" + date).body();
        Matcher free = WebClient.FREE_SLOT.matcher(page);
        List<String> times = new java.util.ArrayList<>();
        while (free.find()) {
            times.add(free.group(1));
        }
        return times;
    }

    @Test
    void theWeekPageListsHolidaysAndLeaveFromTodayOnAndPointsToEarlierOnes() {
        String page = admin().get("/admin/schedule").body();
        assertTrue(page.contains("Far Festival"), "a holiday to come");
        assertTrue(page.contains("Ends today"), "a leave that ends today is not over yet");
        assertFalse(page.contains("Old Festival"), "a past holiday is in the audit trail, not on the page");
        assertFalse(page.contains("Old conference"), "nor a past leave");
        assertTrue(page.contains("action=schedule.holiday_added") && page.contains("action=schedule.leave_placed"),
                "links to the earlier ones in the audit trail");
    }

    @Test
    void byDefaultSundaysAreNotBookableAndSayNotAvailable() {
        assertEquals(List.of(), freeTimes("doc1", NEXT_SUNDAY));
        assertEquals(8, freeTimes("doc1", NEXT_MONDAY).size(), "a Monday has today's eight slots");
        String page = patient().get("/patient/book?doctor=doc1").body();
        assertTrue(page.contains("Not available"), "the Sunday's badge");
    }

    @Test
    void theTimetableSaysWhyADayHasNoSlots() {
        String sunday = admin().get("/admin/timetable?doctor=doc3&date=" + NEXT_SUNDAY).body();
        assertTrue(sunday.contains("Dr. Meera Kulkarni does not work on this day under their working plan."), sunday);
        String leave = admin().get("/admin/timetable?doctor=doc6&date=" + TODAY).body();
        assertTrue(leave.contains("Dr. Vikram Singh is on leave on this day: Ends today"), leave);
        String holiday = admin().get("/admin/timetable?doctor=doc1&date=" + TODAY.plusDays(200)).body();
        assertTrue(holiday.contains("A clinic holiday (Far Festival): nobody has slots on this day."), holiday);
        String marked = admin().get("/admin/timetable?doctor=doc1&date=" + TODAY.plusDays(201)).body();
        assertTrue(marked.contains("(&lt;b&gt;Bold&lt;/b&gt; Day)") && !marked.contains("<b>Bold"), "a name is text, never markup");
        for (String page : List.of(sunday, leave, holiday, marked)) {
            assertFalse(page.contains("No records found"), "the product's words, not the widget's");
        }

        String patientsSunday = patient().get("/patient/book?doctor=doc3&date=" + NEXT_SUNDAY).body();
        assertTrue(patientsSunday.contains("Dr. Meera Kulkarni does not see patients on this day."), patientsSunday);
        String patientsLeave = patient().get("/patient/book?doctor=doc6&date=" + TODAY).body();
        assertTrue(patientsLeave.contains("Dr. Vikram Singh is on leave on this day.") && !patientsLeave.contains("Ends today"),
                "a patient is told of the leave, not its reason: " + patientsLeave);
    }

    @Test
    void removingAHolidayRemovesTheOneOnItsRowEvenWhenAnotherWasAddedMeanwhile() {
        LocalDate kept = NEXT_MONDAY.plusDays(14);
        LocalDate removed = NEXT_MONDAY.plusDays(21);
        admin().submit("/admin/schedule", "holidayForm", "add", Map.of("date", removed.toString(), "name", "Harvest Day"));
        WebClient.FormPage shown = admin().open("/admin/schedule");
        int row = shown.body().indexOf("Harvest Day");
        Matcher remove = Pattern.compile("name=\"holidayForm:(holidays:\\d+:remove)\"").matcher(shown.body());
        assertTrue(row > 0 && remove.find(row), "Harvest Day has its Remove button");

        admin().submit("/admin/schedule", "holidayForm", "add", Map.of("date", kept.toString(), "name", "Founders Day"));
        String after = admin().post(shown, "holidayForm", remove.group(1), Map.of()).body();
        assertTrue(after.contains("Founders Day") && !after.contains("Harvest Day"),
                "the holiday on the row clicked is removed, the one added meanwhile stays: " + after);
        assertEquals(List.of(), freeTimes("doc1", kept), "Founders Day still closes the clinic");
        assertFalse(freeTimes("doc1", removed).isEmpty(), "Harvest Day opens again");
    }

    @Test
    void aHolidayClosesTheClinicForEveryDoctor() {
        LocalDate holiday = NEXT_MONDAY.plusDays(7);
        assertEquals(8, freeTimes("doc3", holiday).size());
        HttpResponse<String> added = admin().submit("/admin/schedule", "holidayForm", "add",
                Map.of("date", holiday.toString(), "name", "Clinic Foundation Day"));
        assertTrue(added.body().contains("added: nobody has slots that day"), "the page confirms");
        for (String doctor : List.of("doc1", "doc3", "doc8")) {
            assertEquals(List.of(), freeTimes(doctor, holiday), doctor + " has no slot on the holiday");
        }
        assertTrue(admin().get("/admin/schedule").body().contains("Clinic Foundation Day"));
        assertTrue(admin().submit("/admin/schedule", "holidayForm", "add", Map.of("date", holiday.toString(), "name", "Again"))
                .body().contains("is a holiday already"));
        for (String[] bad : new String[][] {{"2026-13-45", "Bad date"}, {holiday.plusDays(1).toString(), " "},
                {TODAY.minusDays(1).toString(), "Yesterday"}, {holiday.plusDays(2).toString(), "x".repeat(101)}}) {
            String answer = admin().submit("/admin/schedule", "holidayForm", "add", Map.of("date", bad[0], "name", bad[1])).body();
            assertFalse(answer.contains("nobody has slots that day"), "refused: " + bad[0] + " / " + bad[1]);
        }
        assertEquals(8, freeTimes("doc1", holiday.plusDays(1)).size(), "nothing half-written");

        List<String> changes = scheduleChanges(admin().get("/admin/audit").body());
        List<String> ofThisHoliday = changes.stream().filter(row -> row.contains(holiday.toString())).toList();
        assertEquals(1, ofThisHoliday.size(), "the audit trail has the holiday once, the refusals not at all: " + changes);
        assertTrue(ofThisHoliday.get(0).contains("Holiday added") && ofThisHoliday.get(0).contains("Week Admin")
                && ofThisHoliday.get(0).contains("Clinic Foundation Day"), "what, who and the holiday: " + ofThisHoliday);

        String holidaysOnly = admin().get("/admin/audit?action=schedule.holiday_added").body();
        List<String> filtered = scheduleChanges(holidaysOnly);
        assertTrue(!filtered.isEmpty() && filtered.stream().allMatch(row -> row.contains("Holiday added")),
                "the filter by what shows that kind of schedule change only: " + filtered);
        assertTrue(holidaysOnly.contains("No change matches these filters."), "and no appointment's change");
        assertTrue(scheduleChanges(admin().get("/admin/audit?action=booked").body()).isEmpty(),
                "an appointment's action shows no schedule change");
        HttpResponse<byte[]> csv = admin().download("/admin/audit?action=schedule.holiday_added", "scheduleChangesForm",
                "exportCsv");
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), "a CSV file");
        String rows = new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(rows.contains("Holiday added") && rows.contains("Week Admin")
                && rows.contains(holiday + " Clinic Foundation Day"), "the schedule's changes as filtered: " + rows);
    }

    /** The rows of the audit trail's schedule changes, as text. */
    private static List<String> scheduleChanges(String auditPage) {
        Matcher row = Pattern.compile("<tr[^>]*schedule-change-row[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(auditPage);
        List<String> rows = new java.util.ArrayList<>();
        while (row.find()) {
            rows.add(row.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip());
        }
        return rows;
    }

    @Test
    void aPlanDecidesTheDoctorsSlotsAndBookingsLeftOutsideAreListed() {
        // A booking on a Saturday, which the new plan will not work.
        WebClient.FormPage saturday = patient().open("/patient/book?doctor=doc2&date=" + LATER_SATURDAY);
        Matcher slot = WebClient.FREE_SLOT.matcher(saturday.body());
        assertTrue(slot.find());
        HttpResponse<String> held = patient().post(saturday, "bookForm", "submit", Map.of("time", slot.group(1), "reason", "Saturday visit"));
        String id = held.headers().firstValue("Location").orElseThrow().replaceFirst(".*id=", "");
        assertEquals(302, patient().payAtClinic(id).statusCode());

        Map<String, String> plan = week("09:00", "12:00", "60", DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        plan.put("doctor", "doc2");
        plan.put("from", TODAY.toString());
        HttpResponse<String> saved = admin().submit("/admin/schedule?doctor=doc2", "planForm", "save", plan);
        assertTrue(saved.body().contains("Plan saved"), "saved");
        assertTrue(saved.body().contains("1 booked appointment is now outside working hours"), "the admin is told");
        assertTrue(admin().get("/admin/schedule").body().contains("Week Patient"), "and the booking is listed, not dropped");
        assertTrue(admin().get("/admin/appointment?id=" + id).body().contains("Confirmed"), "it stays confirmed");

        assertEquals(List.of("09:00 AM", "10:00 AM", "11:00 AM"), freeTimes("doc2", NEXT_MONDAY.plusDays(1)));
        assertEquals(List.of(), freeTimes("doc2", LATER_SATURDAY), "Saturday is off in the plan");
        assertEquals(8, freeTimes("doc4", LATER_SATURDAY).size(), "other doctors keep the default week");
        String timetable = admin().get("/admin/timetable?doctor=doc2&date=" + LATER_SATURDAY).body();
        assertTrue(timetable.contains("Week Patient"), "the timetable still shows the booking outside the plan");
    }

    @Test
    void aPlanThatMakesNoSenseIsRefusedAndChangesNothing() {
        List<String> before = freeTimes("doc5", NEXT_MONDAY.plusDays(1));
        assertEquals(8, before.size());
        for (String[] bad : new String[][] {{"18:00", "09:00", "60"}, {"09:00", "18:00", "0"}, {"25:99", "18:00", "60"},
                {"09:00", "18:00", "abc"}, {"09:00", "09:10", "30"}}) {
            Map<String, String> plan = week(bad[0], bad[1], bad[2], DayOfWeek.MONDAY);
            plan.put("doctor", "doc5");
            plan.put("from", TODAY.toString());
            String answer = admin().submit("/admin/schedule?doctor=doc5", "planForm", "save", plan).body();
            assertFalse(answer.contains("Plan saved"), "refused: " + String.join(" ", bad));
        }
        Map<String, String> noDate = week("09:00", "18:00", "60", DayOfWeek.MONDAY);
        noDate.put("doctor", "doc5");
        noDate.put("from", "");
        assertTrue(admin().submit("/admin/schedule?doctor=doc5", "planForm", "save", noDate).body()
                .contains("Please give the date the plan takes effect from"));
        assertEquals(before, freeTimes("doc5", NEXT_MONDAY.plusDays(1)), "nothing half-written");
    }

    @Test
    void aDeactivatedDoctorLeavesSearchAndBookingButTheirBookingsStayListed() {
        String id = bookFirstFree("doc8", NEXT_MONDAY.plusDays(2));
        assertTrue(patient().get("/patient/doctors").body().contains("doctor-doc8"));

        Map<String, String> form = week("09:00", "18:00", "60", DayOfWeek.MONDAY);
        form.put("doctor", "doc8");
        form.put("from", "");
        String answer = admin().submit("/admin/schedule?doctor=doc8", "planForm", "deactivate", form).body();
        assertTrue(answer.contains("no longer appears in patients"), "deactivated");
        assertFalse(patient().get("/patient/doctors").body().contains("doctor-doc8"), "gone from search");
        assertEquals(404, patient().get("/patient/doctor?id=doc8").statusCode());
        assertEquals(404, patient().get("/patient/book?doctor=doc8").statusCode());
        assertTrue(admin().get("/admin/appointment?id=" + id).body().contains("Confirmed"), "the booking stays");
        assertTrue(admin().get("/admin/schedule").body().contains(id), "and is listed for the admin");
        String desk = admin().get(FrontDeskIT.location(admin().submit("/admin/book", "walkInForm", "register",
                Map.of("name", "Desk Walk In", "phone", "+91 90000 80808")))).body();
        assertTrue(desk.contains("Book for Desk Walk In") && desk.contains("<option value=\"doc1\""), "the desk books");
        assertFalse(desk.contains("<option value=\"doc8\""), "but does not offer the doctor taken off booking");
        assertTrue(admin().get("/admin/book?doctor=doc8&date=" + NEXT_MONDAY.plusDays(2) + "&time=09:00+AM").body()
                .contains("That doctor is taken off booking; no slot is chosen."), "nor takes a slot of theirs");

        admin().submit("/admin/schedule?doctor=doc8", "planForm", "reactivate", form);
        assertTrue(patient().get("/patient/doctors").body().contains("doctor-doc8"), "back in search");
        List<String> changes = scheduleChanges(admin().get("/admin/audit").body());
        assertTrue(changes.size() >= 2 && changes.get(0).contains("Doctor back on booking")
                && changes.get(1).contains("Doctor taken off booking") && changes.get(0).contains("Dr. Arun Kapoor"),
                "both changes, newest first, with the doctor: " + changes);
    }

    private String bookFirstFree(String doctor, LocalDate date) {
        WebClient.FormPage page = patient().open("/patient/book?doctor=" + doctor + "&date=" + date);
        Matcher slot = WebClient.FREE_SLOT.matcher(page.body());
        assertTrue(slot.find());
        HttpResponse<String> held = patient().post(page, "bookForm", "submit", Map.of("time", slot.group(1), "reason", "Visit"));
        String id = held.headers().firstValue("Location").orElseThrow().replaceFirst(".*id=", "");
        assertEquals(302, patient().payAtClinic(id).statusCode());
        return id;
    }

    /** The plan form's fields: the given days worked from start to end in slots of the given minutes. */
    private static Map<String, String> week(String start, String end, String minutes, DayOfWeek... working) {
        Map<String, String> fields = new HashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            int row = day.getValue() - 1;
            if (List.of(working).contains(day)) {
                fields.put("week:" + row + ":working", "on");
            }
            fields.put("week:" + row + ":start", start);
            fields.put("week:" + row + ":end", end);
            fields.put("week:" + row + ":slot", minutes);
            fields.put("week:" + row + ":breakStart", "");
            fields.put("week:" + row + ":breakEnd", "");
        }
        return fields;
    }
}
