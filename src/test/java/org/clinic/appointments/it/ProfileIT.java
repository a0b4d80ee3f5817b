package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A patient's own account: name and phone, a password changed with the current one, and their data as JSON. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProfileIT {

    private static final String NEW_PASSWORD = "Velvet-Monsoon-Kite-93";

    @Deployment(testable = false)
    static WebArchive profile() {
        return Deployments.app("profile", false);
    }

    @ArquillianResource
    URL baseUrl;

    @Test
    void aPatientChangesTheirNameAndPhoneAndBadValuesAreRefused() {
        WebClient patient = new WebClient(baseUrl);
        patient.registerAndLogin("Profile Patient", null);
        HttpResponse<String> saved = patient.submit("/patient/profile", "profileForm", "save",
                Map.of("name", "Profile P. Patient", "phone", "+91 90000 11111"));
        assertEquals(302, saved.statusCode(), "saved, then shown afresh");
        String page = patient.get("/patient/profile").body();
        assertTrue(page.contains("Your name and phone are saved."), page);
        assertTrue(page.contains("value=\"Profile P. Patient\"") && page.contains("value=\"+91 90000 11111\""));

        HttpResponse<String> refused = patient.submit("/patient/profile", "profileForm", "save",
                Map.of("name", "<script>alert(1)</script>", "phone", "call me\r\nBcc: x@example.org"));
        assertFalse(refused.body().contains("Your name and phone are saved."));
        assertFalse(refused.body().contains("<script>alert(1)</script>"));
        assertTrue(patient.get("/patient/profile").body().contains("value=\"Profile P. Patient\""), "nothing changed");
    }

    @Test
    void aPatientSavingTheirDetailsInALoopIsStoppedAtTheChangeLimitWithAMessage() {
        WebClient patient = new WebClient(baseUrl);
        patient.registerAndLogin("Looping Patient", null);
        for (int i = 0; i < 30; i++) {
            assertEquals(302, patient.submit("/patient/profile", "profileForm", "save",
                    Map.of("name", "Looping Patient " + i, "phone", "+91 90000 11111")).statusCode());
        }
        HttpResponse<String> refused = patient.submit("/patient/profile", "profileForm", "save",
                Map.of("name", "Looping Patient 30", "phone", "+91 90000 11111"));
        assertEquals(200, refused.statusCode(), "the form again, not an error page");
        assertTrue(refused.body().contains("You have made 30 changes in the last 10 minutes."), refused.body());
        assertTrue(patient.get("/patient/profile").body().contains("value=\"Looping Patient 29\""), "nothing changed");
    }

    @Test
    void aPasswordIsChangedOnlyWithTheCurrentOne() {
        WebClient patient = new WebClient(baseUrl);
        String email = patient.registerAndLogin("Password Patient", null);
        HttpResponse<String> wrong = patient.submit("/patient/profile", "passwordForm", "change",
                Map.of("current", "Not-My-Password-77", "chosen", NEW_PASSWORD));
        assertTrue(wrong.body().contains("That is not your current password"), wrong.body());
        HttpResponse<String> weak = patient.submit("/patient/profile", "passwordForm", "change",
                Map.of("current", WebClient.PASSWORD, "chosen", "password123"));
        assertFalse(weak.body().contains("Your password is changed,"), "a weak password is refused");
        assertEquals(302, new WebClient(baseUrl).login("", email, WebClient.PASSWORD).statusCode(), "still the old one");

        WebClient elsewhere = new WebClient(baseUrl);
        assertEquals(302, elsewhere.login("", email, WebClient.PASSWORD).statusCode());
        HttpResponse<String> changed = patient.submit("/patient/profile", "passwordForm", "change",
                Map.of("current", WebClient.PASSWORD, "chosen", NEW_PASSWORD));
        assertTrue(changed.body().contains("Your password is changed,"), changed.body());
        assertEquals(200, patient.get("/patient/profile").statusCode(), "the session that changed it goes on");
        HttpResponse<String> ended = elsewhere.get("/patient/appointments");
        assertEquals(302, ended.statusCode(), "the other session has ended");
        assertTrue(ended.headers().firstValue("Location").orElse("").endsWith("/login"));
        assertEquals(302, new WebClient(baseUrl).login("", email, NEW_PASSWORD).statusCode(), "the new one works");
        assertEquals(200, new WebClient(baseUrl).login("", email, WebClient.PASSWORD).statusCode(), "the old one not");
    }

    @Test
    void guessesAtTheCurrentPasswordCountAsChangesSoTheFormStopsAtTheLimit() {
        WebClient patient = new WebClient(baseUrl);
        String email = patient.registerAndLogin("Guessing Patient", null);
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> wrong = patient.submit("/patient/profile", "passwordForm", "change",
                    Map.of("current", "Guess-Number-" + i + "-Kite", "chosen", NEW_PASSWORD));
            assertTrue(wrong.body().contains("That is not your current password"), "guess " + i);
        }
        HttpResponse<String> refused = patient.submit("/patient/profile", "passwordForm", "change",
                Map.of("current", WebClient.PASSWORD, "chosen", NEW_PASSWORD));
        assertEquals(200, refused.statusCode(), "the form again, not an error page");
        assertTrue(refused.body().contains("You have made 30 changes in the last 10 minutes."), refused.body());
        assertFalse(refused.body().contains("Your password is changed,"));
        assertEquals(302, new WebClient(baseUrl).login("", email, WebClient.PASSWORD).statusCode(), "still the old one");
        assertEquals(200, new WebClient(baseUrl).login("", email, NEW_PASSWORD).statusCode());
    }

    @Test
    void myDataHoldsTheAccountAndEveryAppointmentAndNoPasswordHash() {
        WebClient patient = new WebClient(baseUrl);
        String email = patient.registerAndLogin("Data Patient", null);
        String id = patient.holdOn("doc2", LocalDate.now(ZoneId.of("Asia/Kolkata")).plusDays(4), "Knee pain");
        assertEquals(302, patient.payAtClinic(id).statusCode());

        HttpResponse<String> data = patient.get("/patient/my-data.json");
        assertEquals(200, data.statusCode());
        assertTrue(data.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(data.headers().firstValue("Content-Disposition").orElse("").contains("my-data.json"));
        assertEquals("no-store", data.headers().firstValue("Cache-Control").orElse(""));
        String json = data.body();
        assertTrue(json.contains(email) && json.contains("Data Patient") && json.contains(id) && json.contains("Knee pain"),
                json);
        assertFalse(json.contains("pbkdf2") || json.contains("\"password\""), "never the password hash");

        WebClient other = new WebClient(baseUrl);
        other.registerAndLogin("Other Data Patient", null);
        assertFalse(other.get("/patient/my-data.json").body().contains(id), "only ever one's own");
        assertEquals(302, new WebClient(baseUrl).get("/patient/my-data.json").statusCode(), "strangers go to login");
    }
}
