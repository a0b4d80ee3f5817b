package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** Registration, login, the two portals and logout, as patients and admins see them. */
@RunAsClient
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class AccountsBrowserIT extends BrowserTestBase {

    private static final String PASSWORD = "Monsoon-Tea-42";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app("accounts", true);
    }

    private String registerPatient() {
        String email = "patient-" + UUID.randomUUID() + "@example.com";
        open("/register");
        type("registerForm:name", "Asha Rao");
        type("registerForm:email", email);
        type("registerForm:phone", "+91 98765 43210");
        type("registerForm:password", PASSWORD);
        clickAndWait("registerForm:register");
        assertEquals("/login", path(), "after registering, the patient is sent to the login page");
        assertTrue(messages().contains("Your account is ready"), messages());
        return email;
    }

    private void login(String path, String email, String password) {
        open(path);
        type("loginForm:email", email);
        type("loginForm:password", password);
        clickAndWait("loginForm:login");
    }

    /** The clinic's first admin, registered with the code by whichever test needs an admin first. */
    private static String admin;

    private String registerAdmin() {
        if (admin != null) {
            return admin;
        }
        String email = "admin-" + UUID.randomUUID() + "@example.com";
        open("/admin/register");
        type("registerForm:name", "Clinic Admin");
        type("registerForm:email", email);
        type("registerForm:phone", "+91 99999 00000");
        type("registerForm:password", PASSWORD);
        type("registerForm:adminCode", Deployments.ADMIN_CODE);
        clickAndWait("registerForm:register");
        assertTrue(messages().contains("Admin account created"), messages());
        admin = email;
        open("/admin/register");
        assertTrue(text("registrationClosed").contains("this clinic has its first admin"),
                "the code only opens the first admin account");
        return email;
    }

    @Test
    void aPatientRegistersLogsInAndLandsOnTheDoctorList() {
        String email = registerPatient();
        open("/login");
        String sessionBefore = browser().manage().getCookieNamed("JSESSIONID").getValue();
        type("loginForm:email", email.toUpperCase());
        type("loginForm:password", PASSWORD);
        clickAndWait("loginForm:login");
        assertTrue(path().startsWith("/patient/doctors"), "patients land on the doctor list, not " + path());
        assertFalse(sessionBefore.equals(browser().manage().getCookieNamed("JSESSIONID").getValue()),
                "the session id changes at login");
        assertTrue(exists("doctor-doc1"), "the sample doctors are listed");
        assertTrue(text("doctor-doc1").contains("Dr. Rajesh Kumar Sharma"));
        assertTrue(text("signedInAs").contains("Asha Rao"));

        clickAndWait("navProfile");
        type("profileForm:name", "Asha R. Rao");
        type("profileForm:phone", "+91 90000 22222");
        clickAndWait("profileForm:save");
        assertTrue(messages().contains("Your name and phone are saved."), messages());
        assertTrue(text("signedInAs").contains("Asha R. Rao"), "the new name is used at once");
        assertTrue(id("downloadData").getAttribute("href").endsWith("/patient/my-data.json"), "their data to download");
    }

    @Test
    void registrationExplainsWhatIsWrongAndKeepsNothing() {
        String email = registerPatient();
        open("/register");
        type("registerForm:name", "<script>alert(1)</script>");
        type("registerForm:email", "asha@localhost");
        type("registerForm:phone", "12");
        type("registerForm:password", "password");
        clickAndWait("registerForm:register");
        String shown = messages();
        assertTrue(shown.contains("may not contain"), shown);
        assertTrue(shown.contains("valid e-mail address"), shown);
        assertTrue(shown.contains("phone number"), shown);
        assertTrue(shown.contains("stronger password"), shown);

        type("registerForm:name", "Someone Else");
        type("registerForm:email", email.toUpperCase());
        type("registerForm:phone", "+91 98765 43210");
        type("registerForm:password", "Someone-Elses-Pass-9");
        clickAndWait("registerForm:register");
        assertFalse(pageText().contains("exists already"), "the page never tells who is a patient here");
        assertTrue(messages().contains("Your account is ready"), "the same answer as for a new address: " + messages());
        login("/login", email.toUpperCase(), "Someone-Elses-Pass-9");
        assertTrue(messages().contains("not correct"), "no second account was made: " + messages());
    }

    @Test
    void forgottenPasswordPagesAnswerAlike() {
        open("/login");
        browser().manage().deleteAllCookies();
        open("/login");
        clickAndWait("forgotLink");
        type("forgotForm:email", "nobody-" + UUID.randomUUID() + "@example.com");
        clickAndWait("forgotForm:send");
        assertTrue(messages().contains("If an account uses that address"), messages());
        open("/reset?token=" + "A".repeat(30));
        assertTrue(messages().contains("This link has run out"), messages());
    }

    @Test
    void aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
        String email = registerPatient();
        login("/login", email, "Wrong-Password-1");
        assertEquals("/login", path());
        assertTrue(messages().contains("e-mail address or password is not correct"), messages());
        login("/login", "nobody-" + UUID.randomUUID() + "@example.com", PASSWORD);
        assertTrue(messages().contains("e-mail address or password is not correct"), messages());
    }

    @Test
    void aPatientIsRefusedAtTheAdminLoginAndOnAdminPages() {
        String email = registerPatient();
        login("/admin/login", email, PASSWORD);
        assertTrue(messages().contains("for admins only"), messages());
        assertFalse(exists("navDashboard"));

        login("/login", email, PASSWORD);
        assertTrue(path().startsWith("/patient/doctors"));
        open("/admin/dashboard");
        assertTrue(exists("error-404"), "a patient on an admin page sees the not-found page");
        assertTrue(exists("navAppointments") && !exists("navTimetable"), "with the patient's own menu");
        assertTrue(id("navAppointments").getAttribute("href").endsWith("/patient/appointments"),
                "whose addresses are those of every other page: " + id("navAppointments").getAttribute("href"));
        assertFalse(pageText().contains("Exception"), "no stack trace reaches the browser");

        clickAndWait("logoutLink");
        assertEquals("/logout", path(), "the not-found page cannot hold the log-out form, so it links to the log-out page");
        clickAndWait("logoutPageForm:logout");
        assertTrue(exists("loggedOutMessage"));
        open("/patient/doctors");
        assertEquals("/login", path(), "the session ended");
        open("/logout");
        assertEquals("/", path(), "a visitor has nothing to log out of");
    }

    @Test
    void anAdminRegistersWithTheCodeAndLandsOnTheDashboard() {
        String email = registerAdmin();
        login("/admin/login", email, PASSWORD);
        assertTrue(path().startsWith("/admin/dashboard"), "admins land on the dashboard, not " + path());
        assertEquals("0", text("totalCount"), "a new clinic has no bookings yet");
        open("/patient/doctors");
        assertTrue(exists("error-404"), "an admin is not a patient");
        assertTrue(exists("navTimetable") && !exists("navAppointments"), "with the admin's own menu");
        assertTrue(exists("logoutLink"), "and a way to log out");
        assertTrue(id("errorHome").getAttribute("href").endsWith("/admin/dashboard"), "an admin's home is the dashboard");
    }

    /** First: the code's form is there only until the clinic has its first admin. */
    @Test
    @org.junit.jupiter.api.Order(1)
    void aWrongAdminCodeIsRefusedAndCreatesNoAccount() {
        String email = "would-be-admin-" + UUID.randomUUID() + "@example.com";
        open("/admin/register");
        type("registerForm:name", "Would Be");
        type("registerForm:email", email);
        type("registerForm:phone", "+91 99999 00000");
        type("registerForm:password", PASSWORD);
        type("registerForm:adminCode", "ADMIN2024");
        clickAndWait("registerForm:register");
        assertTrue(messages().contains("registration code is not correct"), messages());
        login("/admin/login", email, PASSWORD);
        assertTrue(messages().contains("e-mail address or password is not correct"), messages());
    }

    @Test
    void loginToContinueReturnsToThePageFirstAskedFor() {
        String email = registerAdmin();
        open("/admin/dashboard?from=bookmark");
        assertEquals("/admin/login", path(), "an anonymous visitor is sent to the admin login");
        type("loginForm:email", email);
        type("loginForm:password", PASSWORD);
        clickAndWait("loginForm:login");
        assertTrue(browser().getCurrentUrl().endsWith("/admin/dashboard?from=bookmark"), browser().getCurrentUrl());
    }

    @Test
    void logoutEndsTheSession() {
        String email = registerPatient();
        login("/login", email, PASSWORD);
        clickAndWait("logoutForm:logout");
        assertTrue(exists("loggedOutMessage"));
        assertTrue(exists("navLogin"));
        open("/patient/doctors");
        assertEquals("/login", path(), "after logout the doctor list asks for login again");
    }
}
