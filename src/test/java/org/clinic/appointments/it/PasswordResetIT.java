package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;

import jakarta.mail.internet.MimeMessage;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "Forgot password?": the same answer for any address, a single-use link by mail, the new password works and the
 * old one does not, the account's other sessions end, and guessed, reused or another account's links do nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PasswordResetIT {

    private static final Pattern LINK = Pattern.compile("/reset\\?token=([A-Za-z0-9_-]+)");
    private static final String NEW_PASSWORD = "Harbour-Lantern-Quill-58";
    @RegisterExtension
    static final TestSmtp smtp = TestSmtp.forTests(0);

    @Deployment(testable = false)
    static WebArchive reset() {
        return Deployments.app("reset", true, "appointments.mail-session=java:jboss/mail/Appointments");
    }

    @ArquillianResource
    URL baseUrl;

    private static List<MimeMessage> mailTo(String address, int count) throws InterruptedException {
        return mailTo(address, count, Duration.ofSeconds(20));
    }

    /** The mail to this address once {@code count} arrived, or what arrived within {@code wait}. */
    private static List<MimeMessage> mailTo(String address, int count, Duration wait) throws InterruptedException {
        return smtp.mailTo(address, count, wait);
    }

    private HttpResponse<String> ask(String email) {
        return new WebClient(baseUrl).submit("/forgot", "forgotForm", "send", Map.of("email", email));
    }

    private static String token(MimeMessage mail) {
        Matcher link = LINK.matcher(GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "="));
        assertTrue(link.find(), GreenMailUtil.getBody(mail));
        return link.group(1);
    }

    @Test
    void aLinkByMailSetsANewPasswordOnceAndEndsTheOtherSessions() throws Exception {
        WebClient elsewhere = new WebClient(baseUrl);
        String email = elsewhere.registerAndLogin("Reset Patient", null);
        assertEquals(200, elsewhere.get("/patient/appointments").statusCode(), "signed in elsewhere");
        WebClient.FormPage openElsewhere = elsewhere.open("/patient/doctors");

        HttpResponse<String> asked = ask(email);
        HttpResponse<String> unknown = ask("nobody-" + System.nanoTime() + "@example.com");
        assertEquals(302, asked.statusCode());
        assertEquals(asked.statusCode(), unknown.statusCode(), "the same answer for an unknown address");
        List<MimeMessage> mail = mailTo(email, 1);
        assertEquals(1, mail.size());
        assertTrue(mail.get(0).getSubject().startsWith("Reset your password"));
        String token = token(mail.get(0));

        WebClient browser = new WebClient(baseUrl);
        HttpResponse<String> saved = browser.submit("/reset?token=" + token, "resetForm", "save",
                Map.of("password", NEW_PASSWORD));
        assertEquals(302, saved.statusCode(), saved.body());
        assertEquals(302, new WebClient(baseUrl).login("", email, NEW_PASSWORD).statusCode(), "the new password works");
        assertEquals(200, new WebClient(baseUrl).login("", email, WebClient.PASSWORD).statusCode(), "the old one not");
        HttpResponse<String> search = elsewhere.ajax(openElsewhere, "searchForm", "query", "keyup",
                Map.of("query", "cardio"));
        assertEquals(200, search.statusCode(), "the page open elsewhere is sent to the login the browser's way");
        assertTrue(search.body().contains("<partial-response><redirect url=\"/login\""), search.body());
        HttpResponse<String> ended = elsewhere.get("/patient/appointments");
        assertEquals(302, ended.statusCode(), "the session signed in before the reset has ended");
        assertTrue(ended.headers().firstValue("Location").orElse("").endsWith("/login"));

        String reused = new WebClient(baseUrl).get("/reset?token=" + token).body();
        assertTrue(reused.contains("This link has run out, was used already") && !reused.contains("resetForm"),
                "the link works once");
    }

    @Test
    void guessedOrAnotherAccountsLinksAndUnknownAddressesDoNothing() throws Exception {
        WebClient asha = new WebClient(baseUrl);
        String ashaEmail = asha.registerAndLogin("Asha Reset", null);
        WebClient ravi = new WebClient(baseUrl);
        String raviEmail = ravi.registerAndLogin("Ravi Reset", null);
        ask(raviEmail);
        String raviToken = token(mailTo(raviEmail, 1).get(0));
        String secret = raviToken.substring(0, 22);
        String raviId = raviToken.substring(22);

        for (String forged : List.of("A".repeat(22) + raviId, secret + "not-a-user", secret, "x",
                secret.substring(0, 21) + (secret.charAt(21) == 'A' ? 'B' : 'A') + raviId)) {
            String page = new WebClient(baseUrl).get("/reset?token=" + forged).body();
            assertFalse(page.contains("resetForm"), "no form for " + forged);
            HttpResponse<String> post = new WebClient(baseUrl).submit("/reset?token=" + forged, "resetForm", "save",
                    Map.of("password", NEW_PASSWORD));
            assertTrue(post.statusCode() < 500);
        }
        assertEquals(302, new WebClient(baseUrl).login("", raviEmail, WebClient.PASSWORD).statusCode(),
                "Ravi's password is unchanged");
        assertEquals(0, mailTo(ashaEmail, 1, Duration.ofSeconds(2)).size(), "Asha asked nothing and got nothing");
        assertEquals(1, mailTo(raviEmail, 1).size());
    }

    @Test
    void aWalkInGivenOnlineAccessLogsInWithTheAddressTheyGaveAndFindsTheDesksBookings() throws Exception {
        WebClient admin = new WebClient(baseUrl);
        admin.registerAndLogin("Access Admin", Deployments.ADMIN_CODE);
        String deskPage = FrontDeskIT.location(admin.submit("/admin/book", "walkInForm", "register",
                Map.of("name", "Online Walkin", "phone", "+91 96666 00001")));
        String record = "/admin/patient?id=" + deskPage.replaceFirst(".*patient=", "");
        String appointmentId = FrontDeskIT.location(FrontDeskIT.bookDefaults(admin, deskPage, false))
                .replaceFirst(".*id=", "");

        String blank = admin.submit(record, "accessForm", "send", Map.of("email", " ")).body();
        assertTrue(blank.contains("Please enter the patient&#39;s e-mail address.")
                || blank.contains("Please enter the patient's e-mail address."), "asked for the patient's address: " + blank);
        assertTrue(admin.submit(record, "accessForm", "send", Map.of("email", "online.walkin@")).body()
                .contains("Please enter a valid e-mail address"));
        assertTrue(admin.submit(record, "accessForm", "send", Map.of("email", "a".repeat(10_000) + "@example.com"))
                .body().contains("The e-mail address may have at most 254 characters."), "far past its limit");
        assertTrue(admin.submit(record, "accessForm", "send", Map.of("email", "walk\u200Bin@example.com")).body()
                .contains("contains an invisible character"), "an invisible character is named, not kept");
        String someoneElses = new WebClient(baseUrl).registerAndLogin("Someone Else", null);
        assertTrue(admin.submit(record, "accessForm", "send", Map.of("email", someoneElses)).body()
                .contains("This address already has an account."), "another account's address is refused");
        assertEquals(0, mailTo(someoneElses, 1, Duration.ofSeconds(2)).size(), "and gets no link");

        String typo = "online.walkin." + System.nanoTime() + "@example.con";
        admin.submit(record, "accessForm", "send", Map.of("email", typo));
        String typoToken = token(mailTo(typo, 1).get(0));
        String email = "online.walkin." + System.nanoTime() + "@example.com";
        String sent = admin.submit(record, "accessForm", "send", Map.of("email", email)).body();
        assertTrue(sent.contains("A link to choose a password is on its way to " + email)
                && sent.contains("Online access offered (a link mailed) by Access Admin"), sent);
        MimeMessage mail = mailTo(email, 1).get(0);
        assertTrue(mail.getSubject().startsWith("Your online account"), mail.getSubject());
        String token = token(mail);
        String page = new WebClient(baseUrl).get("/reset?token=" + token).body();
        assertTrue(page.contains("Choose your password") && page.contains("Your account is " + email), page);

        String replaced = new WebClient(baseUrl).get("/reset?token=" + typoToken).body();
        assertTrue(replaced.contains("Ask the clinic to send you a new one") && !replaced.contains("resetForm"),
                "a second link makes the first worthless, and the walk-in is told whom to ask");

        HttpResponse<String> saved = new WebClient(baseUrl).submit("/reset?token=" + token, "resetForm", "save",
                Map.of("password", NEW_PASSWORD));
        assertEquals(302, saved.statusCode(), saved.body());
        WebClient patient = new WebClient(baseUrl);
        assertEquals(302, patient.login("", email, NEW_PASSWORD).statusCode(), "the walk-in logs in with their address");
        assertTrue(patient.get("/patient/appointments").body().contains(appointmentId),
                "and finds the booking the desk made for them");
        String after = admin.get(record).body();
        assertTrue(after.contains(email) && !after.contains("accessForm") && after.contains("Online access taken"),
                "the record now has the address, kept with who did it");
        assertTrue(admin.get("/admin/appointment?id=" + appointmentId).body().contains(email),
                "the booking's messages go to the address from now on");
        String reused = new WebClient(baseUrl).get("/reset?token=" + token).body();
        assertTrue(reused.contains("This link has run out") && !reused.contains("resetForm"), "the link works once");
    }

    @Test
    void requestsAreThrottledPerAddressAskedAbout() throws Exception {
        WebClient meera = new WebClient(baseUrl);
        String email = meera.registerAndLogin("Meera Reset", null);
        for (int i = 0; i < 5; i++) {
            assertEquals(302, ask(email).statusCode(), "always the same answer");
        }
        mailTo(email, 3);
        assertEquals(3, mailTo(email, 4, Duration.ofSeconds(3)).size(), "at most three links an hour for one address");
    }
}
