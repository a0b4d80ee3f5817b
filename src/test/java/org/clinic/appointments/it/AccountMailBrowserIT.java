package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;

import jakarta.mail.internet.MimeMessage;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Accounts as a patient uses them in the browser, with a mail server: verifying the address (and Pay-at-Clinic
 * waiting for it), "Forgot password?", changing name, phone, address and password, downloading one's data, and
 * being suspended by an admin.
 */
@RunAsClient
class AccountMailBrowserIT extends PatientBrowserTestBase {

    private static final Pattern VERIFY = Pattern.compile("(/verify\\?token=[A-Za-z0-9_-]+)");
    private static final Pattern RESET = Pattern.compile("(/reset\\?token=[A-Za-z0-9_-]+)");
    private static final Pattern PATIENT_LINK = Pattern.compile("/admin/patient\\?id=([0-9a-f-]{36})");
    @RegisterExtension
    static final TestSmtp smtp = TestSmtp.forTests(0);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app("account-mail-browser", true, "appointments.mail-session=java:jboss/mail/Appointments",
                "appointments.email-verification=true");
    }

    /** The link of this kind in the {@code n}-th mail (from 1) to the address, as a path of this application. */
    private static String link(String address, int n, Pattern kind) throws Exception {
        List<MimeMessage> mail = smtp.mailTo(address, n, Duration.ofSeconds(20));
        assertEquals(n, mail.size(), "mail to " + address);
        String body = GreenMailUtil.getBody(mail.get(n - 1)).replace("=\r\n", "").replace("=3D", "=");
        Matcher link = kind.matcher(body);
        assertTrue(link.find(), body);
        return link.group(1);
    }

    @Test
    void aNewPatientVerifiesTheirAddressBeforePayingAtTheClinic() throws Exception {
        String email = registerAndLogin("Verify Browser");
        hold("doc3", inDays(5), "10:00 AM", "Check-up");
        chooseMethod("Pay at the clinic");
        clickAndWait("payForm:pay");
        assertTrue(messages().contains("Please confirm your e-mail address first"), messages());

        open(link(email, 1, VERIFY));
        assertTrue(exists("verifyForm:confirm"), "the link shows a button; opening it confirms nothing yet");
        clickAndWait("verifyForm:confirm");
        assertTrue(messages().contains("is confirmed"), messages());

        open("/patient/appointments");
        hold("doc3", inDays(5), "11:00 AM", "Check-up");
        chooseMethod("Pay at the clinic");
        clickAndWait("payForm:pay");
        assertTrue(exists("paymentPending"), messages());
        assertEquals("Confirmed", text("summaryStatus"));
    }

    @Test
    void aForgottenPasswordIsResetFromTheLinkInTheMail() throws Exception {
        String email = registerAndLogin("Reset Browser");
        open("/patient/profile");
        clickAndWait("logoutForm:logout");
        open("/login");
        clickAndWait("forgotLink");
        type("forgotForm:email", email);
        clickAndWait("forgotForm:send");
        assertTrue(messages().contains("If an account uses that address"), messages());

        open(link(email, 2, RESET));
        type("resetForm:password", "Harbour-Lantern-Quill-58");
        clickAndWait("resetForm:save");
        assertEquals("/login", path());
        assertTrue(messages().contains("Your password is changed"), messages());
        type("loginForm:email", email);
        type("loginForm:password", "Harbour-Lantern-Quill-58");
        clickAndWait("loginForm:login");
        assertTrue(path().startsWith("/patient/"), "logged in with the new password, now at " + path());
    }

    @Test
    void profileChangesAndTheDataDownload() throws Exception {
        String email = registerAndLogin("Profile Browser");
        open("/patient/profile");
        type("profileForm:name", "Profile Browser Renamed");
        type("profileForm:phone", "+91 91234 56789");
        clickAndWait("profileForm:save");
        assertTrue(messages().contains("Your name and phone are saved"), messages());
        assertEquals("Profile Browser Renamed", id("profileForm:name").getAttribute("value"));

        String fresh = "renamed-" + System.nanoTime() + "@example.com";
        type("emailForm:newEmail", fresh);
        type("emailForm:emailPassword", PASSWORD);
        clickAndWait("emailForm:changeEmail");
        assertTrue(messages().contains("We sent a link to " + fresh), messages());
        assertTrue(text("emailPending").contains(fresh), "the new address waits for confirmation");
        assertEquals(email, text("profileEmail").replace("Confirmed", "").strip(), "the old one stays until then");
        open(link(fresh, 1, VERIFY));
        clickAndWait("verifyForm:confirm");
        open("/patient/profile");
        assertTrue(text("profileEmail").startsWith(fresh), text("profileEmail"));

        type("passwordForm:current", PASSWORD);
        type("passwordForm:chosen", "Harbour-Lantern-Quill-58");
        clickAndWait("passwordForm:change");
        assertTrue(messages().contains("Your password is changed"), messages());

        Path data = downloads().resolve("my-data.json");
        Files.deleteIfExists(data);
        id("downloadData").click();
        waitFor(() -> Files.exists(data) && read(data).contains(fresh), "the data download");
        String json = read(data);
        assertTrue(json.contains("Profile Browser Renamed") && json.contains("+91 91234 56789"), json);
        assertFalse(json.contains("pbkdf2"), "never the password hash");
    }

    @Test
    void aSuspendedPatientIsSentToLoginAndToldWhy() throws Exception {
        String email = registerAndLogin("Suspend Browser");
        WebClient admin = new WebClient(baseUrl);
        admin.registerAndLogin("Browser Admin", Deployments.ADMIN_CODE);
        Matcher link = PATIENT_LINK.matcher(admin.get("/admin/patients?q=Suspend%20Browser").body());
        assertTrue(link.find());
        assertEquals(200, admin.submit("/admin/patient?id=" + link.group(1), "stateForm", "suspend", Map.of())
                .statusCode());

        open("/patient/appointments");
        assertEquals("/login", path(), "the session has ended");
        type("loginForm:email", email);
        type("loginForm:password", PASSWORD);
        clickAndWait("loginForm:login");
        assertEquals("/login", path());
        assertTrue(messages().contains("This account is suspended."), messages());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
