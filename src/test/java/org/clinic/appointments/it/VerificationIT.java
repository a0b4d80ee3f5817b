package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * E-mail verification where a mail server is configured: a new patient gets a single-use link, cannot confirm a
 * Pay-at-Clinic booking before opening it, and can ask for a new one; a new address takes effect only once
 * verified and never one another account uses; guessed, reused, replaced or another account's links do nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class VerificationIT {

    private static final Pattern LINK = Pattern.compile("/verify\\?token=([A-Za-z0-9_-]+)");
    private static final LocalDate DAY = LocalDate.now(ZoneId.of("Asia/Kolkata")).plusDays(5);
    @RegisterExtension
    static final TestSmtp smtp = TestSmtp.forTests(0);

    @Deployment(testable = false)
    static WebArchive verify() {
        return Deployments.app("verify", false, "appointments.mail-session=java:jboss/mail/Appointments",
                "appointments.email-verification=true", "appointments.public-url=https://clinic.example.org/app",
                "appointments.mail-send-seconds=1");
    }

    @ArquillianResource
    URL baseUrl;

    private static List<MimeMessage> mailTo(String address, int count) throws InterruptedException {
        return smtp.mailTo(address, count, Duration.ofSeconds(20));
    }

    private static String token(MimeMessage mail) throws Exception {
        String body = GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "=");
        assertTrue(body.contains("https://clinic.example.org/app/verify?token="),
                "the link uses the configured public address, never the request's Host: " + body);
        Matcher link = LINK.matcher(body);
        assertTrue(link.find(), body);
        return link.group(1);
    }

    private HttpResponse<String> confirm(String token) {
        return new WebClient(baseUrl).submit("/verify?token=" + token, "verifyForm", "confirm", Map.of());
    }

    @Test
    void aNewPatientConfirmsTheirAddressBeforePayingAtTheClinic() throws Exception {
        WebClient patient = new WebClient(baseUrl);
        String email = patient.registerAndLogin("Verify Patient", null);
        List<MimeMessage> mail = mailTo(email, 1);
        assertEquals(1, mail.size(), "a link at registration");
        assertTrue(mail.get(0).getSubject().startsWith("Confirm your e-mail address"), mail.get(0).getSubject());
        String first = token(mail.get(0));

        String held = patient.holdOn("doc3", DAY, "Check-up");
        HttpResponse<String> refused = patient.payAtClinic(held);
        assertTrue(refused.body().contains("Please confirm your e-mail address first"), refused.body());
        assertTrue(patient.get("/patient/profile").body().contains("Your address is not confirmed yet"));

        HttpResponse<String> resent = patient.submit("/patient/profile", "resendForm", "resend", Map.of());
        assertTrue(resent.body().contains("We sent a new link to"), resent.body());
        String second = token(mailTo(email, 2).get(1));
        assertTrue(confirm(first).body().contains("This link has run out, was used already"),
                "a link replaced by a newer one no longer works");

        String opened = new WebClient(baseUrl).get("/verify?token=" + second).body();
        assertTrue(opened.contains("verifyForm"), "opening the link alone confirms nothing (mail scanners open links)");
        HttpResponse<String> confirmed = confirm(second);
        assertTrue(confirmed.body().contains("is confirmed"), confirmed.body());
        assertTrue(confirm(second).body().contains("This link has run out, was used already"), "it works once");

        assertEquals(302, patient.payAtClinic(held).statusCode(), "verified: Pay-at-Clinic confirms the booking");
        assertFalse(patient.get("/patient/profile").body().contains("Your address is not confirmed yet"));
    }

    @Test
    void guessedOrAnotherAccountsLinksDoNothing() throws Exception {
        WebClient asha = new WebClient(baseUrl);
        String ashaEmail = asha.registerAndLogin("Asha Verify", null);
        WebClient ravi = new WebClient(baseUrl);
        String raviEmail = ravi.registerAndLogin("Ravi Verify", null);
        String raviToken = token(mailTo(raviEmail, 1).get(0));
        String ashaToken = token(mailTo(ashaEmail, 1).get(0));
        String secret = raviToken.substring(0, 22);
        String ashaId = ashaToken.substring(22);
        for (String forged : List.of("A".repeat(22) + raviToken.substring(22), secret + ashaId, secret + "not-a-user",
                secret, "x", "%0d%0aSet-Cookie:x=1")) {
            HttpResponse<String> answer = confirm(forged);
            assertTrue(answer.statusCode() < 500, forged);
            assertFalse(answer.body().contains("is confirmed"), "no confirmation for " + forged);
        }
        String held = asha.holdOn("doc4", DAY, "Check-up");
        assertTrue(asha.payAtClinic(held).body().contains("Please confirm your e-mail address first"),
                "Ravi's secret with Asha's id confirmed nothing");
        assertTrue(confirm(raviToken).body().contains("is confirmed"), "Ravi's own link still works");
    }

    @Test
    void aNewAddressTakesEffectOnceVerifiedAndNeverOneAnotherAccountUses() throws Exception {
        WebClient other = new WebClient(baseUrl);
        String taken = other.registerAndLogin("Other Verify", null);
        WebClient meera = new WebClient(baseUrl);
        String old = meera.registerAndLogin("Meera Verify", null);
        confirm(token(mailTo(old, 1).get(0)));
        String booked = meera.holdOn("doc5", DAY, "Check-up");
        assertEquals(302, meera.payAtClinic(booked).statusCode());
        assertEquals(2, mailTo(old, 2).size(), "the booking is confirmed to the address in use");

        HttpResponse<String> refused = meera.submit("/patient/profile", "emailForm", "changeEmail",
                Map.of("newEmail", taken.toUpperCase(), "emailPassword", WebClient.PASSWORD));
        assertTrue(refused.body().contains("Another account uses this address"), refused.body());
        HttpResponse<String> wrongPassword = meera.submit("/patient/profile", "emailForm", "changeEmail",
                Map.of("newEmail", "meera.new." + System.nanoTime() + "@example.com", "emailPassword", "wrong"));
        assertTrue(wrongPassword.body().contains("That is not your current password"), wrongPassword.body());

        String fresh = "meera.new." + System.nanoTime() + "@example.com";
        HttpResponse<String> asked = meera.submit("/patient/profile", "emailForm", "changeEmail",
                Map.of("newEmail", fresh, "emailPassword", WebClient.PASSWORD));
        assertTrue(asked.body().contains("We sent a link to " + fresh), asked.body());
        assertEquals(302, new WebClient(baseUrl).login("", old, WebClient.PASSWORD).statusCode(),
                "until verified, the old address logs in");
        assertEquals(200, new WebClient(baseUrl).login("", fresh, WebClient.PASSWORD).statusCode());

        assertTrue(confirm(token(mailTo(fresh, 1).get(0))).body()
                .contains("is confirmed. Messages about your appointments go there from now on."));
        assertEquals(302, new WebClient(baseUrl).login("", fresh, WebClient.PASSWORD).statusCode(),
                "verified: the new address logs in");
        assertEquals(200, new WebClient(baseUrl).login("", old, WebClient.PASSWORD).statusCode(), "the old one not");
        assertTrue(meera.get("/patient/my-data.json").body().contains(fresh));

        assertEquals(302, meera.submit("/patient/appointment?id=" + booked, "actions", "cancel", Map.of()).statusCode());
        List<MimeMessage> toFresh = mailTo(fresh, 2);
        assertTrue(toFresh.size() == 2 && toFresh.get(1).getSubject().startsWith("Appointment cancelled"),
                "what follows about a booking made before goes to the new address");
        assertEquals(2, smtp.mailTo(old, 3, Duration.ZERO).size(), "and not to the old one");
    }
}
