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

/** Confirmation and reset links that have run out do nothing, however right their secret. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ExpiredLinksIT {

    private static final Pattern TOKEN = Pattern.compile("/(verify|reset)\\?token=([A-Za-z0-9_-]+)");
    @RegisterExtension
    static final TestSmtp smtp = TestSmtp.forTests(0);

    @Deployment(testable = false)
    static WebArchive expired() {
        return Deployments.app("expired-links", false, "appointments.mail-session=java:jboss/mail/Appointments",
                "appointments.email-verification=true", "appointments.verify-expiry=PT3S",
                "appointments.reset-expiry=PT3S");
    }

    @ArquillianResource
    URL baseUrl;

    private static String token(MimeMessage mail, String kind) throws Exception {
        Matcher link = TOKEN.matcher(GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "="));
        assertTrue(link.find() && link.group(1).equals(kind), GreenMailUtil.getBody(mail));
        return link.group(2);
    }

    @Test
    void linksThatRanOutAreRefused() throws Exception {
        WebClient patient = new WebClient(baseUrl);
        String email = patient.registerAndLogin("Expired Links", null);
        String verify = token(smtp.mailTo(email, 1, Duration.ofSeconds(20)).get(0), "verify");
        new WebClient(baseUrl).submit("/forgot", "forgotForm", "send", Map.of("email", email));
        List<MimeMessage> mail = smtp.mailTo(email, 2, Duration.ofSeconds(20));
        String reset = token(mail.get(1), "reset");

        Thread.sleep(4000);
        HttpResponse<String> confirmed = new WebClient(baseUrl).submit("/verify?token=" + verify, "verifyForm",
                "confirm", Map.of());
        assertTrue(confirmed.body().contains("This link has run out"), confirmed.body());
        String resetPage = new WebClient(baseUrl).get("/reset?token=" + reset).body();
        assertFalse(resetPage.contains("resetForm"), "no form for a reset link that ran out");
        new WebClient(baseUrl).submit("/reset?token=" + reset, "resetForm", "save",
                Map.of("password", "Harbour-Lantern-Quill-58"));
        assertEquals(302, new WebClient(baseUrl).login("", email, WebClient.PASSWORD).statusCode(),
                "the password is unchanged");
        String held = patient.holdOn("doc2", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Kolkata")).plusDays(3),
                "Check-up");
        assertTrue(patient.payAtClinic(held).body().contains("Please confirm your e-mail address first"),
                "still unconfirmed");
    }
}
