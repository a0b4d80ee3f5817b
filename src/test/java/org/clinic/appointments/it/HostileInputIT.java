package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile and malformed input against the pages' parameters and forms, over plain HTTP: every request is
 * answered without a server error, no injected markup comes back unescaped, and refused input stores nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT {

    private static final LocalDate DAY = LocalDate.now().plusDays(2);


    /** Script and HTML injection, expression languages, traversal, control and odd Unicode, overlong values. */
    static final List<String> PAYLOADS = List.of(
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "'><svg onload=alert(1)>",
            "javascript:alert(1)",
            "#{7*7}",
            "${7*7}",
            "#{facesContext.externalContext.request.session.invalidate()}",
            "{{7*7}}",
            "' OR '1'='1",
            "'; DROP TABLE users; --",
            "../../../../etc/passwd",
            "..\\..\\..\\windows\\win.ini",
            "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "/etc/passwd\u0000.json",
            "doc1\u0000",
            "\r\nSet-Cookie: hacked=1",
            "\u202Egnp.exe",
            "\uD83D\uDE00\uD83D\uDE00 \u0928\u092E\u0938\u094D\u0924\u0947",
            "\uFEFF\u200B\u200D",
            "=HYPERLINK(\"http://evil.example\",\"x\")",
            "-1",
            "99999999999999999999999",
            "2026-02-30",
            "0000-00-00",
            "+999999999-12-31",
            "-999999999-01-01",
            "\uD83D\uDE00".repeat(300),
            "e\u0301\u00a0\u200b\uff41",
            "A".repeat(5000),
            "\u00e9".repeat(2000),
            "%",
            "%%32%65",
            " ");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app("hostile", true, dir -> Deployments.writeAppointments(dir, List.of(
                Deployments.appointment("victim-1", "Victim Patient", "doc1", DAY, "09:00 AM", "confirmed", "Success", "UPI", null))));
    }

    @ArquillianResource
    URL baseUrl;

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void assertHarmless(HttpResponse<String> response, String what) {
        assertTrue(response.statusCode() < 500, what + " answered " + response.statusCode());
        String body = response.body();
        assertFalse(body.contains("<script>alert(1)</script>") || body.contains("<img src=x onerror")
                || body.contains("<svg onload"), what + " reflected markup unescaped");
        assertFalse(body.contains("at org.") || body.contains("at jakarta.") || body.contains("Exception:"),
                what + " shows a stack trace");
        assertFalse(response.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("hacked")),
                what + " split the response headers");
    }

    /** Parameters none of the payloads is a value of: each page leaves them out with the same message. */
    private static final List<String> TYPED = List.of("/admin/dashboard?from=", "/admin/dashboard?status=",
            "/admin/dashboard?sort=", "/admin/timetable?doctor=doc1&date=", "/admin/calendar?view=", "/admin/audit?from=");

    @Test
    void everyPageParameterTakesHostileValuesCalmly() {
        WebClient patient = new WebClient(baseUrl);
        patient.registerAndLogin("Careful Patient", null);
        WebClient admin = new WebClient(baseUrl);
        admin.registerAndLogin("Careful Admin", Deployments.ADMIN_CODE);
        List<String> declared = declaredParameters();
        assertTrue(declared.contains("/admin/invitation?token=") && declared.size() >= 30, "the pages' parameters: " + declared);
        List<String> patientPages = with(declared.stream().filter(page -> !page.startsWith("/admin/")).toList(),
                "/patient/book?doctor=doc1&reschedule=", "/patient/book?doctor=doc1&date=", "/patient/appointment.ics?id=");
        List<String> adminPages = with(declared.stream().filter(page -> page.startsWith("/admin/")).toList(),
                "/admin/timetable?doctor=doc1&date=");
        int requests = 0;
        for (String payload : PAYLOADS) {
            for (String page : patientPages) {
                assertHarmless(patient.get(page + encode(payload)), "patient " + page + payload);
                requests++;
            }
            for (String page : adminPages) {
                HttpResponse<String> answer = admin.get(page + encode(payload));
                assertHarmless(answer, "admin " + page + payload);
                if (TYPED.contains(page) && !payload.isBlank()) {
                    assertEquals(200, answer.statusCode(), page + payload);
                    assertTrue(answer.body().contains(InputEdgesIT.UNREADABLE),
                            "a value that is no " + page + " is left out with the same message: " + payload);
                }
                requests++;
            }
            assertHarmless(patient.get("/admin/appointment?id=" + encode(payload)), "patient on an admin page");
            requests++;
        }
        assertTrue(requests >= 200, "the corpus is meant to be large: " + requests);
        String victim = admin.get("/admin/appointment?id=victim-1").body();
        assertTrue(victim.contains("Victim Patient") && victim.contains("Confirmed"), "nothing touched the seeded appointment");
    }

    /** Each page's address parameters as its page declares them (f:viewParam): a new one is tried as it is added. */
    private static List<String> declaredParameters() {
        Path webapp = Path.of("src/main/webapp");
        Pattern parameter = Pattern.compile("<f:viewParam name=\"([^\"]+)\"");
        try (Stream<Path> files = Files.walk(webapp)) {
            return files.filter(file -> file.toString().endsWith(".xhtml") && !file.startsWith(webapp.resolve("WEB-INF")))
                    .flatMap(file -> {
                        String page = "/" + webapp.relativize(file).toString().replace('\\', '/').replaceFirst("\\.xhtml$", "");
                        return parameter.matcher(read(file)).results().map(found -> page + "?" + found.group(1) + "=");
                    })
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> with(List<String> pages, String... more) {
        List<String> all = new ArrayList<>(pages);
        all.addAll(List.of(more));
        return all;
    }

    @Test
    void hostileValuesInTheNewAdminFormsAreAnsweredCalmly() {
        WebClient admin = new WebClient(baseUrl);
        admin.registerAndLogin("Form Admin", Deployments.ADMIN_CODE);
        String futureDay = DAY.plusDays(20).toString();
        String walkInRecord = "/admin/patient?id=" + admin.submit("/admin/book", "walkInForm", "register",
                Map.of("name", "Hostile Merge Walkin", "phone", "+91 95555 00099")).headers().firstValue("Location")
                .orElseThrow().replaceFirst(".*patient=", "");
        for (String payload : PAYLOADS) {
            HttpResponse<String> merge = admin.submit(walkInRecord, "mergeForm", "findAccount", Map.of("mergeEmail", payload));
            assertHarmless(merge, "merge " + payload);
            assertFalse(merge.body().contains("mergePreview"), "no account found for " + payload);
            assertHarmless(admin.submit(walkInRecord, "mergeRecordForm", "findRecords", Map.of("mergeQuery", payload)),
                    "merge record " + payload);
            assertHarmless(admin.submit("/admin/invitations", "inviteForm", "invite",
                    Map.of("name", payload, "email", payload)), "invitation " + payload);
            assertHarmless(admin.submit("/admin/book", "walkInForm", "register",
                    Map.of("name", payload, "phone", payload)), "walk-in " + payload);
            assertHarmless(admin.submit("/admin/book", "findForm", "search", Map.of("query", payload)), "desk search " + payload);
            assertHarmless(admin.submit("/admin/schedule", "holidayForm", "add",
                    Map.of("date", payload, "name", payload)), "holiday date " + payload);
            assertHarmless(admin.submit("/admin/schedule", "leaveForm", "preview",
                    Map.of("doctor", "doc2", "from", payload, "to", futureDay, "reason", payload)), "leave " + payload);
            Map<String, String> doctor = new java.util.HashMap<>();
            for (String field : List.of("name", "specialization", "qualification", "experience", "phone", "email",
                    "location", "about", "fee")) {
                doctor.put(field, payload);
            }
            assertHarmless(admin.submit("/admin/doctor", "doctorForm", "save", doctor), "doctor " + payload);
            assertHarmless(admin.submit("/admin/doctor?id=doc3", "doctorForm", "save", doctor), "doctor edit " + payload);
            assertHarmless(admin.submit("/admin/doctors", "specializationsForm", "add", Map.of("name", payload)),
                    "specialization " + payload);
            Map<String, String> plan = new java.util.HashMap<>(Map.of("doctor", "doc6", "from", payload,
                    "week:0:working", "true", "week:0:start", payload, "week:0:end", payload, "week:0:slot", payload,
                    "week:0:breakStart", payload, "week:0:breakEnd", payload));
            HttpResponse<String> planAnswer = admin.submit("/admin/schedule?doctor=doc6", "planForm", "save", plan);
            assertHarmless(planAnswer, "plan " + payload);
            assertFalse(planAnswer.body().contains("Plan saved"), "a hostile plan is refused: " + payload);
        }
        assertTrue(admin.get(walkInRecord).body().contains("mergeForm"), "the walk-in's record is not merged");
        String doctors = admin.get("/admin/doctors").body();
        assertEquals(8, doctors.split("doctor-row", -1).length - 1, "no hostile value became a doctor");
        assertTrue(admin.get("/admin/doctor?id=doc3").body().contains("No changes yet."), "nor changed one");
        assertHarmless(admin.submit("/admin/doctors", "specializationsForm", "add",
                Map.of("name", "<script>alert(1)</script>")), "a specialization with markup");
        assertHarmless(admin.submit("/admin/schedule", "holidayForm", "add",
                Map.of("date", futureDay, "name", "<script>alert(1)</script>")), "a holiday named with markup");
        HttpResponse<String> schedule = admin.get("/admin/schedule");
        assertHarmless(schedule, "the schedule page showing it");
        assertTrue(schedule.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "shown as text");
        HttpResponse<String> invitations = admin.get("/admin/invitations");
        assertHarmless(invitations, "the invitations page");
        assertFalse(invitations.body().contains("pendingForm:pending:0:withdraw"), "no hostile value became an invitation");
    }

    @Test
    @Order(Integer.MAX_VALUE - 1)
    void hostileRegistrationsAreRefusedAndStoreNoAccount() {
        List<String> accepted = new ArrayList<>();
        for (String payload : PAYLOADS) {
            WebClient visitor = new WebClient(baseUrl);
            String email = "hostile-" + System.nanoTime() + "@example.com";
            HttpResponse<String> response = visitor.submit("/register", "registerForm", "register",
                    Map.of("name", payload, "email", email, "phone", payload, "password", WebClient.PASSWORD));
            assertHarmless(response, "register with " + payload);
            if (response.statusCode() == 302) {
                accepted.add(payload);
            }
            HttpResponse<String> badEmail = new WebClient(baseUrl).submit("/register", "registerForm", "register",
                    Map.of("name", "Plain Name", "email", payload, "phone", "+91 98765 43210", "password", payload));
            assertHarmless(badEmail, "register with e-mail " + payload);
        }
        assertTrue(accepted.stream().allMatch(phone -> phone.matches("[0-9 +\\-]+")),
                "only values that are phone-shaped pass as a phone number: " + accepted);
    }

    /** Last: its failed logins make the login throttle slow down every later login from this address. */
    @Test
    @Order(Integer.MAX_VALUE)
    void hostileSymptomsAndLoginsAreAnsweredCalmly() {
        WebClient patient = new WebClient(baseUrl);
        patient.registerAndLogin("Symptom Patient", null);
        for (String payload : PAYLOADS) {
            assertHarmless(patient.submit("/patient/symptoms", "symptomForm", "check", Map.of("symptom_input", payload)),
                    "symptom " + payload);
            assertHarmless(new WebClient(baseUrl).submit("/login", "loginForm", "login",
                    Map.of("email", payload, "password", payload)), "login " + payload);
            assertHarmless(new WebClient(baseUrl).submit("/admin/login", "loginForm", "login",
                    Map.of("email", payload + "@example.com", "password", payload)), "admin login " + payload);
        }
    }

    @Test
    void hostileAccountFormsChangeNothing() {
        WebClient patient = new WebClient(baseUrl);
        String email = patient.registerAndLogin("Account Patient", null);
        for (String payload : PAYLOADS) {
            HttpResponse<String> profile = patient.submit("/patient/profile", "profileForm", "save",
                    Map.of("name", payload, "phone", payload));
            assertHarmless(profile, "profile " + payload);
            assertHarmless(patient.submit("/patient/profile", "passwordForm", "change",
                    Map.of("current", payload, "chosen", payload)), "password " + payload);
            assertHarmless(new WebClient(baseUrl).submit("/forgot", "forgotForm", "send", Map.of("email", payload)),
                    "forgot " + payload);
            assertHarmless(new WebClient(baseUrl).get("/reset?token=" + encode(payload)), "reset " + payload);
            assertHarmless(new WebClient(baseUrl).submit("/reset?token=" + encode(payload), "resetForm", "save",
                    Map.of("password", payload)), "reset post " + payload);
            assertHarmless(patient.submit("/patient/profile", "emailForm", "changeEmail",
                    Map.of("newEmail", payload, "emailPassword", payload)), "e-mail change " + payload);
            assertHarmless(new WebClient(baseUrl).submit("/verify?token=" + encode(payload), "verifyForm", "confirm",
                    Map.of()), "verify " + payload);
            assertHarmless(patient.submit("/patient/book?doctor=doc1", "waitForm", "join",
                    Map.of("waitFrom", payload, "waitTo", payload)), "waitlist " + payload);
            assertHarmless(patient.submit("/patient/appointments", "list", "waitlist:0:leave", Map.of()),
                    "waitlist leave " + payload);
        }
        assertFalse(patient.get("/patient/appointments").body().contains("Your waitlists"),
                "no hostile value put the patient on a waitlist");
        assertHarmless(patient.get("/patient/profile"), "the profile page after them");
        assertEquals(302, new WebClient(baseUrl).login("", email, WebClient.PASSWORD).statusCode(),
                "no hostile value became the password");
        WebClient admin = new WebClient(baseUrl);
        admin.registerAndLogin("Search Admin", Deployments.ADMIN_CODE);
        for (String payload : PAYLOADS) {
            assertHarmless(admin.get("/admin/patients?q=" + encode(payload)), "patients search " + payload);
            assertHarmless(admin.get("/admin/patient?id=" + encode(payload)), "patient page " + payload);
        }
    }

    @Test
    void aFormPostWithoutItsPagesScriptNonceIsABadRequestAndDoesNothing() {
        WebClient visitor = new WebClient(baseUrl);
        String page = visitor.get("/register").body();
        java.util.regex.Matcher viewState = java.util.regex.Pattern.compile(
                "name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"").matcher(page);
        assertTrue(viewState.find());
        String email = "no-nonce-" + System.nanoTime() + "@example.com";
        HttpResponse<String> response = visitor.post("/register", "registerForm", "register", Map.of("name", "No Nonce",
                "email", email, "phone", "+91 98765 43210", "password", "short"), viewState.group(1), "forged-nonce");
        assertTrue(response.statusCode() == 400, "answered " + response.statusCode());
        assertHarmless(response, "a post with a forged nonce");
    }

    @Test
    void hostileBookingReasonsAndSlotsAreKeptAsTextOrRefusedAndAdminNotesToo() {
        WebClient admin = new WebClient(baseUrl);
        admin.registerAndLogin("Booking Admin", Deployments.ADMIN_CODE);
        List<String> stored = new ArrayList<>();
        WebClient patient = null;
        for (int i = 0; i < PAYLOADS.size(); i++) {
            String payload = PAYLOADS.get(i);
            if (i % 3 == 0) {
                patient = new WebClient(baseUrl);
                patient.registerAndLogin("Booking Patient", null);
            }
            WebClient.FormPage book = patient.open("/patient/book?doctor=doc" + (1 + i % 8));
            java.util.regex.Matcher slot = WebClient.FREE_SLOT.matcher(book.body());
            assertTrue(slot.find(), "a free slot is offered");
            assertHarmless(patient.post(book, "bookForm", "submit", Map.of("time", payload, "reason", "Forged slot")),
                    "booking the slot " + payload);
            HttpResponse<String> booked = patient.submit(book.path(), "bookForm", "submit",
                    Map.of("time", slot.group(1), "reason", payload));
            assertHarmless(booked, "booking with reason " + payload);
            java.util.regex.Matcher id = java.util.regex.Pattern.compile("id=([0-9a-f-]{36})")
                    .matcher(booked.headers().firstValue("Location").orElse(""));
            if (booked.statusCode() != 302) {
                assertTrue(booked.body().contains("ui-messages-error") || booked.body().contains("ui-message-error"),
                        "a refused reason is told why: " + payload);
            } else if (id.find()) {
                stored.add(id.group(1));
                assertHarmless(patient.get("/patient/appointment?id=" + id.group(1)), "the stored reason " + payload);
                assertHarmless(patient.get("/patient/pay?id=" + id.group(1)), "the payment page of " + payload);
            }
        }
        assertTrue(stored.size() >= PAYLOADS.size() / 2, "most odd text is a reason like any other: " + stored.size());
        assertHarmless(admin.get("/admin/dashboard?sort=booked&order=desc"), "the dashboard with hostile reasons");
        for (int i = 0; i < stored.size(); i++) {
            String path = "/admin/appointment?id=" + stored.get(i);
            java.util.regex.Matcher cancel = java.util.regex.Pattern.compile("id=\"actions:([^\"]+:act)\"[^>]*action-cancel")
                    .matcher(admin.get(path).body());
            assertTrue(cancel.find(), "the admin may cancel " + stored.get(i));
            String note = PAYLOADS.get(i % PAYLOADS.size());
            assertHarmless(admin.submit(path, "actions", cancel.group(1), Map.of("note", note)), "admin note " + note);
            assertHarmless(admin.get(path), "the appointment page with the note " + note);
        }
        assertHarmless(admin.get("/admin/audit"), "the audit trail with hostile notes");
    }

    @Test
    void oneAccountCannotHoardSlotsAndIsToldWhichLimitItReached() {
        WebClient patient = new WebClient(baseUrl);
        patient.registerAndLogin("Hoarding Patient", null);
        LocalDate first = LocalDate.now(java.time.ZoneId.of("Asia/Kolkata")).plusDays(3);
        bookAtClinic(patient, "doc3", first, 1);
        bookAtClinic(patient, "doc3", first.plusDays(1), 1);
        assertRefused(patient, "doc3", first.plusDays(2), 1, "upcoming bookings with this doctor");
        bookAtClinic(patient, "doc4", first.plusDays(1), 2);
        assertRefused(patient, "doc5", first.plusDays(1), 3, "bookings on " + PageDates.day(first.plusDays(1)));
        bookAtClinic(patient, "doc5", first.plusDays(4), 1);
        assertRefused(patient, "doc6", first.plusDays(5), 1,
                "upcoming bookings, the most one patient may hold at a time");
        assertRefused(patient, "doc3", first.plusDays(2), 1, "upcoming bookings");
        java.util.regex.Matcher listed = java.util.regex.Pattern.compile("appointment\\?id=([0-9a-f-]{36})")
                .matcher(patient.get("/patient/appointments").body());
        java.util.Set<String> ids = new java.util.HashSet<>();
        while (listed.find()) {
            ids.add(listed.group(1));
        }
        assertTrue(ids.size() == 4, "the four bookings, and nothing refused, are listed: " + ids);
    }

    private static String slotPath(String doctorId, LocalDate day) {
        return "/patient/book?doctor=" + doctorId + "&date=" + day;
    }

    /** The time of the {@code nth} free slot the booking page offers. */
    private static String freeSlot(WebClient patient, String path, int nth) {
        java.util.regex.Matcher slot = WebClient.FREE_SLOT.matcher(patient.get(path).body());
        for (int i = 0; i < nth; i++) {
            assertTrue(slot.find(), "free slot " + (i + 1) + " on " + path);
        }
        return slot.group(1);
    }

    /** Books the {@code nth} free slot of the day (not the same time as another of the patient's) at the clinic. */
    private static void bookAtClinic(WebClient patient, String doctorId, LocalDate day, int nth) {
        String path = slotPath(doctorId, day);
        HttpResponse<String> booked = patient.submit(path, "bookForm", "submit",
                Map.of("time", freeSlot(patient, path, nth), "reason", "Check-up"));
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("id=([0-9a-f-]{36})")
                .matcher(booked.headers().firstValue("Location").orElse(""));
        assertTrue(booked.statusCode() == 302 && id.find(), "booked on " + path + ": " + booked.statusCode());
        assertTrue(patient.payAtClinic(id.group(1)).statusCode() == 302, "confirmed at the clinic");
    }

    private static void assertRefused(WebClient patient, String doctorId, LocalDate day, int nth, String why) {
        String path = slotPath(doctorId, day);
        HttpResponse<String> refused = patient.submit(path, "bookForm", "submit",
                Map.of("time", freeSlot(patient, path, nth), "reason", "Check-up"));
        assertHarmless(refused, "a booking past a limit");
        assertTrue(refused.statusCode() == 200 && refused.body().contains(why), "refused with '" + why + "': "
                + refused.statusCode());
    }

    @Test
    void hostilePaymentDetailsAreRefusedAndChargeNothing() {
        WebClient patient = new WebClient(baseUrl);
        patient.registerAndLogin("Paying Patient", null);
        String id = patient.holdFirstFreeSlot("doc5", "To be paid");
        String path = "/patient/pay?id=" + id;
        int requests = 0;
        for (String payload : PAYLOADS) {
            WebClient.FormPage pay = patient.open(path);
            assertHarmless(patient.ajax(pay, "payForm", "method", "change", Map.of("method", "CARD")), "choosing the card");
            assertHarmless(patient.post(pay, "payForm", "pay", Map.of("method", "CARD", "cardNumber", payload,
                    "cardExpiry", payload, "cardCvv", payload, "cardName", payload)), "card details " + payload);
            assertHarmless(patient.submit(path, "payForm", "pay", Map.of("method", payload)), "payment method " + payload);
            requests += 3;
        }
        assertTrue(patient.get("/patient/appointment?id=" + id).body().contains("Awaiting payment"), "nothing was charged");
        assertTrue(requests >= 80);

        WebClient.FormPage pay = patient.open(path);
        patient.ajax(pay, "payForm", "method", "change", Map.of("method", "CARD"));
        HttpResponse<String> good = patient.post(pay, "payForm", "pay", Map.of("method", "CARD",
                "cardNumber", "4242 4242 4242 4242", "cardExpiry", "12/" + (LocalDate.now().getYear() % 100 + 2),
                "cardCvv", "123", "cardName", "Paying Patient"));
        assertTrue(good.statusCode() == 302, "the same form takes a real card: " + good.statusCode());
        assertTrue(patient.get("/patient/appointment?id=" + id).body().contains("Confirmed"));
    }

    /** Late: its two failed logins count towards the login throttle. */
    @Test
    @Order(Integer.MAX_VALUE - 2)
    void anotherPatientsAppointmentAForgedRoleAndAStaleViewStateGetNowhere() {
        WebClient intruder = new WebClient(baseUrl);
        intruder.registerAndLogin("Intruding Patient", null);
        for (String path : List.of("/patient/appointment?id=victim-1", "/patient/pay?id=victim-1",
                "/patient/payment-result?id=victim-1", "/patient/appointment.ics?id=victim-1",
                "/patient/book?doctor=doc1&reschedule=victim-1")) {
            HttpResponse<String> response = intruder.get(path);
            assertHarmless(response, path);
            assertFalse(response.body().contains("Victim Patient"), path + " shows another patient's appointment");
        }
        assertHarmless(intruder.submit("/patient/pay?id=victim-1", "payForm", "pay", Map.of("method", "PAY_AT_CLINIC")),
                "paying another patient's appointment");

        String email = "forged-role-" + System.nanoTime() + "@example.com";
        WebClient forger = new WebClient(baseUrl);
        forger.submit("/register", "registerForm", "register", Map.of("name", "Role Forger", "email", email,
                "phone", "+91 98765 43210", "password", WebClient.PASSWORD, "role", "admin", "adminCode", "x"));
        assertTrue(new WebClient(baseUrl).login("/admin", email, WebClient.PASSWORD).statusCode() != 302,
                "a forged role field makes no admin");
        WebClient patientLogin = new WebClient(baseUrl);
        assertTrue(patientLogin.login("", email, WebClient.PASSWORD).statusCode() == 302, "it made a patient");
        assertTrue(patientLogin.get("/admin/dashboard").statusCode() == 404);

        String stale = "stale-" + System.nanoTime() + "@example.com";
        WebClient.FormPage register = new WebClient(baseUrl).open("/register");
        for (String viewState : List.of("stale", "", register.viewState() + "x", "-1:-1")) {
            HttpResponse<String> response = new WebClient(baseUrl).post("/register", "registerForm", "register",
                    Map.of("name", "Stale Form", "email", stale, "phone", "+91 98765 43210", "password", WebClient.PASSWORD),
                    viewState, register.nonce());
            assertHarmless(response, "a stale view state " + viewState);
        }
        assertTrue(new WebClient(baseUrl).login("", stale, WebClient.PASSWORD).statusCode() != 302,
                "no account from a stale form");
    }
}
