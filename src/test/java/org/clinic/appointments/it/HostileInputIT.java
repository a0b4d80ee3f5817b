package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile and malformed input against the pages' parameters and forms, over plain HTTP: every request is
 * answered without a server error, no injected markup comes back unescaped, and refused input stores nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
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

    @Test
    void everyPageParameterTakesHostileValuesCalmly() {
        WebClient patient = new WebClient(baseUrl);
        patient.registerAndLogin("Careful Patient", null);
        WebClient admin = new WebClient(baseUrl);
        admin.registerAndLogin("Careful Admin", Deployments.ADMIN_CODE);
        List<String> patientPages = List.of("/patient/doctor?id=", "/patient/book?doctor=", "/patient/book?doctor=doc1&reschedule=",
                "/patient/appointment?id=", "/patient/pay?id=", "/patient/payment-result?id=", "/patient/appointment.ics?id=");
        List<String> adminPages = List.of("/admin/dashboard?q=", "/admin/dashboard?doctor=", "/admin/dashboard?from=",
                "/admin/dashboard?status=", "/admin/dashboard?sort=", "/admin/appointment?id=", "/admin/timetable?doctor=",
                "/admin/timetable?doctor=doc1&date=", "/admin/calendar?view=", "/admin/calendar?doctor=", "/admin/audit?actor=",
                "/admin/audit?from=");
        int requests = 0;
        for (String payload : PAYLOADS) {
            for (String page : patientPages) {
                assertHarmless(patient.get(page + encode(payload)), "patient " + page + payload);
                requests++;
            }
            for (String page : adminPages) {
                assertHarmless(admin.get(page + encode(payload)), "admin " + page + payload);
                requests++;
            }
            assertHarmless(patient.get("/admin/appointment?id=" + encode(payload)), "patient on an admin page");
            requests++;
        }
        assertTrue(requests >= 200, "the corpus is meant to be large: " + requests);
        String victim = admin.get("/admin/appointment?id=victim-1").body();
        assertTrue(victim.contains("Victim Patient") && victim.contains("Confirmed"), "nothing touched the seeded appointment");
    }

    @Test
    void hostileRegistrationsAreRefusedAndStoreNoAccount() {
        List<String> accepted = new ArrayList<>();
        for (String payload : PAYLOADS) {
            WebClient visitor = new WebClient(baseUrl);
            String email = "hostile-" + System.nanoTime() + "@example.com";
            HttpResponse<String> response = visitor.submit("/register", "registerForm", "register",
                    Map.of("name", payload, "email", email, "phone", payload, "password", WebClient.PASSWORD));
            assertHarmless(response, "register with " + payload);
            HttpResponse<String> login = visitor.submit("/login", "loginForm", "login",
                    Map.of("email", email, "password", WebClient.PASSWORD));
            if (login.statusCode() == 302) {
                accepted.add(payload);
            }
            HttpResponse<String> badEmail = new WebClient(baseUrl).submit("/register", "registerForm", "register",
                    Map.of("name", "Plain Name", "email", payload, "phone", "+91 98765 43210", "password", payload));
            assertHarmless(badEmail, "register with e-mail " + payload);
        }
        assertTrue(accepted.isEmpty(), "a phone number of that shape is no phone number, so none may register: " + accepted);
    }

    @Test
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
}
