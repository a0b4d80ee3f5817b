package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The edges of what people and attackers can send: text lengths counted in characters and never cut, e-mail
 * addresses that read alike, posts too large or with too many fields, and dates at the ends of the calendar.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InputEdgesIT {

    private static final String EMOJI = "\uD83D\uDE00";
    private static final Pattern NEW_ID = Pattern.compile("id=([0-9a-f-]{36})");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app("edges", true, "appointments.max-open-holds=20", "appointments.max-active-bookings=40",
                "appointments.max-bookings-per-doctor=40", "appointments.max-bookings-per-day=40");
    }

    @ArquillianResource
    URL baseUrl;

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> book(WebClient patient, String doctor, String reason) {
        WebClient.FormPage page = patient.open("/patient/book?doctor=" + doctor);
        Matcher slot = WebClient.FREE_SLOT.matcher(page.body());
        assertTrue(slot.find(), "a free slot is offered");
        return patient.post(page, "bookForm", "submit", Map.of("time", slot.group(1), "reason", reason));
    }

    private static String bookedId(HttpResponse<String> booked) {
        Matcher id = NEW_ID.matcher(booked.headers().firstValue("Location").orElse(""));
        Matcher message = Pattern.compile("ui-message[s]?-error[^>]*>(?:<[^>]*>)*([^<]+)").matcher(booked.body());
        assertTrue(booked.statusCode() == 302 && id.find(), "the booking was taken: " + booked.statusCode()
                + (message.find() ? " " + message.group(1) : ""));
        return id.group(1);
    }

    @Test
    void reasonsAreCountedInCharactersStoredWholeAndRefusedWithTheirMessageWhenTooLong() {
        WebClient patient = new WebClient(baseUrl);
        patient.registerAndLogin("Emoji Patient", null);
        for (String reason : List.of(EMOJI.repeat(300), EMOJI.repeat(500), "\u0928\u092E\u0938\u094D\u0924\u0947 ".repeat(71),
                "e\u0301".repeat(250), "\uD83D\uDC69\u200D\u2695\uFE0F fever")) {
            String id = bookedId(book(patient, "doc2", reason));
            String shown = patient.get("/patient/appointment?id=" + id).body();
            assertTrue(shown.contains(reason.strip()), "the reason of " + reason.length() + " UTF-16 units was kept whole");
        }
        for (String reason : List.of("a".repeat(501), EMOJI.repeat(501), "\u00e9".repeat(5000))) {
            HttpResponse<String> refused = book(patient, "doc3", reason);
            assertEquals(200, refused.statusCode(), "an over-long reason is answered on the page");
            assertTrue(refused.body().contains("The reason can be at most 500 characters."), "the reason's own message");
        }
        WebClient.FormPage page = patient.open("/patient/book?doctor=doc3");
        Matcher slot = WebClient.FREE_SLOT.matcher(page.body());
        assertTrue(slot.find());
        for (String broken : List.of("%ED%A0%BD", "%F0%9F%98", "%FF%FE", "%C0%AF")) {
            HttpResponse<String> refused = patient.postRaw(page, "bookForm", "submit",
                    "bookForm%3Atime=" + encode(slot.group(1)) + "&bookForm%3Areason=Pain+" + broken + "+here");
            assertEquals(200, refused.statusCode(), "bytes that are not UTF-8 are answered on the page: " + broken);
            assertTrue(refused.body().contains("could not be read"), "a reason with bytes " + broken + " is refused");
        }
        assertFalse(patient.get("/patient/appointments").body().contains("\uFFFD"), "nothing broken was stored");
    }

    @Test
    void namesNotesAndSearchesOverTheirLimitAreRefusedNeverCut() {
        WebClient visitor = new WebClient(baseUrl);
        HttpResponse<String> longName = visitor.submit("/register", "registerForm", "register", Map.of("name", "\u0906".repeat(101),
                "email", "long-name-" + System.nanoTime() + "@example.com", "phone", "+91 98765 43210", "password", WebClient.PASSWORD));
        assertEquals(200, longName.statusCode());
        assertTrue(longName.body().contains("The name may have at most 100 characters."), "the name's message");
        HttpResponse<String> emojiName = new WebClient(baseUrl).submit("/register", "registerForm", "register", Map.of(
                "name", EMOJI.repeat(100), "email", "emoji-name-" + System.nanoTime() + "@example.com",
                "phone", "+91 98765 43210", "password", WebClient.PASSWORD));
        assertEquals(302, emojiName.statusCode(), "a hundred emoji are a hundred characters");

        WebClient patient = new WebClient(baseUrl);
        patient.registerAndLogin("Search Patient", null);
        HttpResponse<String> symptom = patient.submit("/patient/symptoms", "symptomForm", "check",
                Map.of("symptom_input", "headache ".repeat(30)));
        assertTrue(symptom.body().contains("Please describe the symptom in at most 200 characters."), "the symptom's message");
        String id = bookedId(book(patient, "doc4", "Note test"));

        WebClient admin = new WebClient(baseUrl);
        admin.registerAndLogin("Edge Admin", Deployments.ADMIN_CODE);
        String path = "/admin/appointment?id=" + id;
        Matcher cancel = Pattern.compile("id=\"actions:([^\"]+:act)\"[^>]*action-cancel").matcher(admin.get(path).body());
        assertTrue(cancel.find(), "the admin may cancel");
        HttpResponse<String> longNote = admin.submit(path, "actions", cancel.group(1), Map.of("note", EMOJI.repeat(501)));
        assertTrue(longNote.body().contains("The note can be at most 500 characters long."), "the note's message");
        assertTrue(admin.get(path).body().contains("Awaiting payment"), "a refused note changes nothing");
        HttpResponse<String> search = admin.get("/admin/dashboard?q=" + encode("x".repeat(101)));
        assertEquals(200, search.statusCode());
        assertTrue(search.body().contains("could not be read"), "an over-long search is reported, not cut");
    }

    @Test
    void addressesThatReadAsOneOpenOneAccount() {
        String local = "jos\u00e9." + System.nanoTime();
        String email = local + "@example.com";
        HttpResponse<String> first = new WebClient(baseUrl).submit("/register", "registerForm", "register",
                Map.of("name", "Jose First", "email", email, "phone", "+91 98765 43210", "password", WebClient.PASSWORD));
        assertEquals(302, first.statusCode());
        String fullwidth = local.chars().mapToObj(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.'
                ? String.valueOf((char) (c + 0xFEE0)) : String.valueOf((char) c)).collect(Collectors.joining()) + "@example.com";
        List<String> lookAlikes = List.of(email + "\u00a0", "\u2003" + email.toUpperCase(java.util.Locale.ROOT),
                email.replace("\u00e9", "e\u0301"), fullwidth);
        for (String lookAlike : lookAlikes) {
            HttpResponse<String> second = new WebClient(baseUrl).submit("/register", "registerForm", "register",
                    Map.of("name", "Jose Second", "email", lookAlike, "phone", "+91 98765 43210", "password", "Saffron-Kite-Lamp-77"));
            assertFalse(second.body().contains("exists already"), "the answer does not tell who has an account");
            assertEquals(302, new WebClient(baseUrl).login("", lookAlike, WebClient.PASSWORD).statusCode(),
                    "the look-alike " + lookAlike + " reaches the one account");
        }
        for (String invisible : List.of(local + "\u200b@example.com", "\ufeff" + email, email.replace("@", "\u2060@"),
                local + "\u00ad@example.com")) {
            HttpResponse<String> refused = new WebClient(baseUrl).submit("/register", "registerForm", "register",
                    Map.of("name", "Jose Hidden", "email", invisible, "phone", "+91 98765 43210", "password", "Saffron-Kite-Lamp-77"));
            assertTrue(refused.body().contains("contains an invisible character"), "an invisible character is named");
        }
        assertTrue(new WebClient(baseUrl).login("", email, "Saffron-Kite-Lamp-77").statusCode() != 302,
                "no look-alike registration replaced the password");
    }

    @Test
    void postsTooLargeOrWithTooManyFieldsAreAnswered4xxOnPublicPatientAndAdminForms() throws Exception {
        WebClient patient = new WebClient(baseUrl);
        patient.registerAndLogin("Flood Patient", null);
        String id = bookedId(book(patient, "doc5", "Flood"));
        WebClient admin = new WebClient(baseUrl);
        admin.registerAndLogin("Flood Admin", Deployments.ADMIN_CODE);
        Map<WebClient, WebClient.FormPage> forms = Map.of(
                new WebClient(baseUrl), new WebClient(baseUrl).open("/login"),
                patient, patient.open("/patient/book?doctor=doc5"),
                admin, admin.open("/admin/appointment?id=" + id));
        String manyFields = IntStream.range(0, 1500).mapToObj(i -> "f" + i + "=x").collect(Collectors.joining("&"));
        String megabytes = "note=" + "x".repeat(3 * 1024 * 1024);
        for (var form : forms.entrySet()) {
            String where = form.getValue().path();
            HttpResponse<String> many = form.getKey().postRaw(form.getValue(), "f", "b", manyFields);
            assertEquals(400, many.statusCode(), "1,500 fields to " + where);
            assertTrue(many.body().contains("could not be read"), "a plain page says why");
            assertTrue(many.body().contains("id=\"errorAgain\" href=\"" + context() + where.replaceAll("\\?.*", "") + "\""),
                    "without a Referer, the way back is the address the form was sent to: " + againLink(many.body()));
            assertTrue(many.body().contains("css/app.css"), "the page has the clinic's look");
            assertTrue(many.body().contains("<a id=\"brand\" class=\"brand\" href=\"" + context() + "/\">Healthcare Plus</a>"),
                    "and its name, leading home");
            HttpResponse<String> big = form.getKey().postRaw(form.getValue(), "f", "b", megabytes);
            assertEquals(413, big.statusCode(), "3 MiB to " + where);
        }
        try {
            HttpResponse<String> beyondServer = new WebClient(baseUrl).postRaw(new WebClient(baseUrl).open("/login"), "f", "b",
                    "note=" + "x".repeat(12 * 1024 * 1024));
            assertTrue(beyondServer.statusCode() >= 400 && beyondServer.statusCode() < 500, "12 MiB: " + beyondServer.statusCode());
        } catch (java.io.UncheckedIOException closedWhileSending) {
            // The server may close the connection before the client has sent all 12 MiB: refused all the same.
        }
        WebClient.FormPage book = patient.open("/patient/book?doctor=doc5");
        Matcher slot = WebClient.FREE_SLOT.matcher(book.body());
        assertTrue(slot.find());
        HttpResponse<String> oneHugeField = patient.postRaw(book, "bookForm", "submit",
                "bookForm%3Atime=" + encode(slot.group(1)) + "&bookForm%3Areason=" + "x".repeat(1024 * 1024));
        assertEquals(200, oneHugeField.statusCode(), "one field of 1 MiB within the body limit is answered on the page");
        assertTrue(oneHugeField.body().contains("The reason can be at most 500 characters."));

        HttpClient raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpResponse<String> manyHeaders = send(raw, HttpRequest.newBuilder(URI.create(baseUrl + "login")), 300, 10);
        assertEquals(400, manyHeaders.statusCode(), "300 headers");
        HttpResponse<String> hugeHeader = send(raw, HttpRequest.newBuilder(URI.create(baseUrl + "login")), 1, 2 * 1024 * 1024);
        assertTrue(hugeHeader == null || hugeHeader.statusCode() == 400, "a 2 MiB header is refused or the connection closed");
        assertEquals(200, patient.get("/patient/appointments").statusCode(), "the server serves on");
    }

    @Test
    void aBodyOverTheLimitIsReadToItsEndSoTheSenderGetsTheAnswerAndTheConnectionServesOn() throws Exception {
        byte[] body = ("note=" + "x".repeat(3 * 1024 * 1024)).getBytes(StandardCharsets.US_ASCII);
        String host = baseUrl.getHost() + ":" + baseUrl.getPort();
        try (java.net.Socket socket = new java.net.Socket(baseUrl.getHost(), baseUrl.getPort())) {
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            out.write(("POST " + baseUrl.getPath() + "login HTTP/1.1\r\nHost: " + host
                    + "\r\nReferer: http://" + host + baseUrl.getPath() + "patient/book?doctor=doc5&date=2030-01-07"
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.write(("GET " + baseUrl.getPath() + "login HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answers = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answers.startsWith("HTTP/1.1 413"), "the whole 3 MiB sent, then the answer: " + answers.lines().findFirst());
            assertTrue(answers.contains("Too much sent at once"), "the plain page says why");
            assertTrue(answers.contains("id=\"errorAgain\" href=\"" + context() + "/patient/book?doctor=doc5&amp;date=2030-01-07\""),
                    "the way back is the page the form was on, with its query: " + againLink(answers));
            assertTrue(answers.contains("HTTP/1.1 200"), "the same connection answers the next request");
        }
    }

    /** PrimeFaces checks the nonce when it answers with a page (a redirect renders none, the view state guards it). */
    @Test
    void aFormAnsweredWithAPageButSentWithoutItsPagesNonceIsRefusedWithAWayBackToItsPage() {
        WebClient patient = new WebClient(baseUrl);
        patient.registerAndLogin("Nonce Patient", null);
        WebClient.FormPage page = patient.open("/patient/book?doctor=doc6");
        Matcher slot = WebClient.FREE_SLOT.matcher(page.body());
        assertTrue(slot.find());
        String fields = "bookForm%3Atime=" + encode(slot.group(1)) + "&bookForm%3Areason=" + "x".repeat(501);
        HttpResponse<String> ownNonce = patient.postRaw(page, "bookForm", "submit", fields);
        assertEquals(200, ownNonce.statusCode(), "with its own nonce the form is answered on its page");
        WebClient.FormPage forged = new WebClient.FormPage(page.path(), page.body(), page.viewState(), "not-the-pages-nonce");
        HttpResponse<String> refused = patient.postRaw(forged, "bookForm", "submit", fields);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("Please reload the page"), "the page says why");
        assertTrue(refused.body().contains("id=\"errorAgain\" href=\"" + context() + "/patient/book\""),
                "a way back to the form's page: " + againLink(refused.body()));
    }

    private String context() {
        return baseUrl.getPath().replaceAll("/$", "");
    }

    private static String againLink(String page) {
        Matcher link = Pattern.compile("<a id=\"errorAgain\"[^>]*>").matcher(page);
        return link.find() ? link.group() : "no link";
    }

    /** Sends a GET with {@code count} headers of {@code size} bytes; null when the server closed without answering. */
    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request, int count, int size)
            throws InterruptedException {
        for (int i = 0; i < count; i++) {
            request.header("X-Edge-" + i, "a".repeat(size));
        }
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException closed) {
            return null;
        }
    }

    static final String UNREADABLE = "could not be read, so it was left out";

    @Test
    void datesAtTheEndsOfTheCalendarAreLeftOutWithTheSameMessageEverywhere() {
        WebClient admin = new WebClient(baseUrl);
        admin.registerAndLogin("Date Admin", Deployments.ADMIN_CODE);
        LocalDate today = LocalDate.now();
        List<String> outside = List.of("+999999999-12-31", "-999999999-01-01", "9999-12-31", "0001-01-01", "1899-12-31",
                today.plusYears(101).toString());
        for (String date : outside) {
            String d = encode(date);
            assertInvalid(admin.get("/admin/timetable?doctor=doc1&date=" + d), "The date in this page", "timetable " + date);
            assertInvalid(admin.get("/admin/calendar?date=" + d), "The date in this page", "calendar " + date);
            assertInvalid(admin.get("/admin/audit?from=" + d), "The start date in this page", "audit from " + date);
            assertInvalid(admin.get("/admin/audit?to=" + d), "The end date in this page", "audit to " + date);
            assertInvalid(admin.get("/admin/dashboard?from=" + d), "The start date in this page", "dashboard from " + date);
            assertInvalid(admin.get("/admin/dashboard?to=" + d), "The end date in this page", "dashboard to " + date);
        }
        for (String date : List.of("1900-01-01", today.plusYears(100).minusDays(1).toString())) {
            HttpResponse<String> timetable = admin.get("/admin/timetable?doctor=doc1&date=" + date);
            assertEquals(200, timetable.statusCode());
            assertFalse(timetable.body().contains(UNREADABLE), "the timetable takes " + date);
            HttpResponse<String> audit = admin.get("/admin/audit?from=" + date + "&to=" + date);
            assertFalse(audit.body().contains(UNREADABLE), "the audit takes " + date);
        }
    }

    static final String INVERTED = "is after the end date, %s, so nothing can match";

    @Test
    void aStartDateAfterTheEndDateIsNamedOnTheDashboardAndTheAuditTrailAndTheFormIsNotApplied() {
        WebClient admin = new WebClient(baseUrl);
        admin.registerAndLogin("Range Admin", Deployments.ADMIN_CODE);
        String later = "2026-12-31";
        String earlier = "2026-01-01";
        String inverted = "The start date, " + later + ", " + INVERTED.formatted(earlier);
        for (String page : List.of("/admin/dashboard", "/admin/audit")) {
            HttpResponse<String> fromTheAddress = admin.get(page + "?from=" + later + "&to=" + earlier);
            assertEquals(200, fromTheAddress.statusCode(), page);
            assertTrue(fromTheAddress.body().contains(inverted), page + " names the inverted range from its address");
            assertFalse(admin.get(page + "?from=" + earlier + "&to=" + later).body().contains(INVERTED.formatted(later)),
                    page + " takes a range in order");

            HttpResponse<String> fromTheForm = admin.post(admin.open(page), "filters", "apply",
                    Map.of("from", later, "to", earlier));
            assertEquals(200, fromTheForm.statusCode(), page + ": the form stays, nothing is applied");
            assertTrue(fromTheForm.body().contains(inverted), page + " names the inverted range typed in its form");
            HttpResponse<String> inOrder = admin.post(admin.open(page), "filters", "apply",
                    Map.of("from", earlier, "to", later));
            assertEquals(302, inOrder.statusCode(), page + ": a range in order is applied");
            assertTrue(inOrder.headers().firstValue("Location").orElse("").contains("from=" + earlier + "&to=" + later),
                    page + " puts the range in the address");
        }
    }

    @Test
    void aDoctorUnknownInTheAddressIsNamedAndNeverTakenForAnother() {
        WebClient admin = new WebClient(baseUrl);
        admin.registerAndLogin("Doctor Link Admin", Deployments.ADMIN_CODE);
        Map<String, String> answers = Map.of(
                "/admin/timetable?doctor=", "That doctor does not exist; showing the first doctor instead.",
                "/admin/schedule?doctor=", "That doctor does not exist; the plan of the first doctor is shown instead.",
                "/admin/calendar?doctor=", "That doctor does not exist; all doctors are shown instead.",
                "/admin/dashboard?doctor=", "That doctor does not exist, so the doctor filter was left out.");
        answers.forEach((page, message) -> {
            HttpResponse<String> unknown = admin.get(page + "doc-gone");
            assertEquals(200, unknown.statusCode(), page);
            assertTrue(unknown.body().contains(message), page + " says the doctor does not exist");
            assertFalse(admin.get(page + "doc2").body().contains("That doctor does not exist"), page + " takes a doctor that exists");
        });
    }

    @Test
    void aFormAnsweredOnItsPageKeepsThePagesAddressSoReloadingItShowsThatPageAgain() {
        WebClient patient = new WebClient(baseUrl);
        patient.registerAndLogin("Address Patient", null);
        String book = "/patient/book?doctor=doc2";
        HttpResponse<String> refused = patient.post(patient.open(book), "bookForm", "submit", Map.of("reason", ""));
        assertEquals(200, refused.statusCode());
        assertTrue(refused.body().contains("Please choose a day and a time."), "the booking was refused on its page");
        assertEquals(book, formAction(refused.body(), "bookForm"), "where the browser shows the refused booking");
        assertTrue(patient.get(formAction(refused.body(), "bookForm")).body().contains("id=\"bookForm\""),
                "reloading that address shows the booking page");

        String held = patient.holdFirstFreeSlot("doc2", "Address check");
        WebClient admin = new WebClient(baseUrl);
        admin.registerAndLogin("Address Admin", Deployments.ADMIN_CODE);
        Matcher patientLink = Pattern.compile("/admin/patient\\?id=([0-9a-f-]{36})")
                .matcher(admin.get("/admin/patients?q=Address").body());
        assertTrue(patientLink.find(), "the patient is found");
        String patientId = patientLink.group(1);
        Map<WebClient, List<String>> pages = Map.of(
                patient, List.of("/patient/pay?id=" + held, "/patient/appointment?id=" + held,
                        "/patient/book?doctor=doc2&date=" + LocalDate.now().plusDays(2)),
                admin, List.of("/admin/appointment?id=" + held, "/admin/doctor?id=doc2",
                        "/admin/patient?id=" + patientId, "/admin/book?patient=" + patientId));
        pages.forEach((client, addresses) -> addresses.forEach(address -> {
            String body = client.get(address).body();
            Matcher forms = Pattern.compile("<form id=\"([^\"]+)\"").matcher(body);
            int checked = 0;
            while (forms.find()) {
                if (!forms.group(1).equals("logoutForm")) {
                    assertEquals(address, formAction(body, forms.group(1)), address + ", form " + forms.group(1));
                    checked++;
                }
            }
            assertTrue(checked > 0, address + " has a form");
        }));
    }

    /** Where a form of the page posts to, as the browser reads its {@code action}. */
    private static String formAction(String body, String formId) {
        Matcher action = Pattern.compile("<form id=\"" + Pattern.quote(formId) + "\"[^>]*? action=\"([^\"]*)\"")
                .matcher(body);
        assertTrue(action.find(), "form " + formId);
        return action.group(1).replace("&amp;", "&");
    }

    /** The schedule's leave form previewing a day's leave 40 days ahead. */
    private static HttpResponse<String> previewLeave(WebClient admin, String doctor, String reason) {
        String day = LocalDate.now().plusDays(40).toString();
        return admin.submit("/admin/schedule", "leaveForm", "preview",
                Map.of("doctor", doctor, "from", day, "to", day, "reason", reason));
    }

    /** The leave form answered on its page with {@code message}, and no leave previewed. */
    private static void assertLeaveRefused(HttpResponse<String> answer, String message, String what) {
        assertEquals(200, answer.statusCode());
        assertTrue(answer.body().contains(message), what);
        assertFalse(answer.body().contains("affectedTable"), "no leave is previewed");
    }

    @Test
    void aChoiceThePageNoLongerOffersIsAnsweredInPlainWords() {
        WebClient admin = new WebClient(baseUrl);
        admin.registerAndLogin("Choice Admin", Deployments.ADMIN_CODE);
        HttpResponse<String> answer = previewLeave(admin, "doc-gone", "Conference");
        assertLeaveRefused(answer, "please choose one of the options offered", "the doctor's choice is named");
        assertFalse(answer.body().contains("Validation Error"), "no message in Faces' own words");
    }

    @Test
    void aLeaveReasonThatWouldReorderThePageIsRefused() {
        WebClient admin = new WebClient(baseUrl);
        admin.registerAndLogin("Leave Text Admin", Deployments.ADMIN_CODE);
        assertLeaveRefused(previewLeave(admin, "doc3", "Conference \u202Eabroad"),
                "This text contains a control character. Please remove it.", "the reason is refused");
        assertTrue(previewLeave(admin, "doc3", "Conference abroad").body().contains("affectedTable"),
                "the same leave without it is previewed");
    }

    private static void assertInvalid(HttpResponse<String> response, String message, String what) {
        assertEquals(200, response.statusCode(), what);
        assertTrue(response.body().contains(message) && response.body().contains(UNREADABLE),
                what + " says the date could not be read");
    }
}
