package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The registration code opens only the clinic's first admin account; every later admin joins through a
 * single-use link an admin makes for a named address.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminInvitationIT {

    private static Path dataDir;

    @Deployment(testable = false)
    static WebArchive invitations() {
        return Deployments.app("admin-invitation", true, dir -> dataDir = dir);
    }

    @ArquillianResource
    URL baseUrl;

    private static String admin;

    private String firstAdmin() {
        if (admin == null) {
            admin = new WebClient(baseUrl).registerAndLogin("First Admin", Deployments.ADMIN_CODE);
        }
        return admin;
    }

    private WebClient loggedInAdmin() {
        WebClient client = new WebClient(baseUrl);
        assertEquals(302, client.login("/admin", firstAdmin(), WebClient.PASSWORD).statusCode());
        return client;
    }

    @Test
    void theCodeOpensOnlyTheFirstAdminAccount() {
        firstAdmin();
        WebClient latecomer = new WebClient(baseUrl);
        String email = "latecomer-" + System.nanoTime() + "@example.com";
        Map<String, String> fields = new LinkedHashMap<>(Map.of("name", "Late Comer", "email", email,
                "phone", "+91 98765 43210", "password", WebClient.PASSWORD));
        fields.put("adminCode", Deployments.ADMIN_CODE);
        String page = latecomer.get("/admin/register").body();
        assertTrue(page.contains("this clinic has its first admin"), "the page says why");
        assertFalse(page.contains("registerForm"), "and offers no form");
        HttpResponse<String> forged = latecomer.submit("/admin/register", "registerForm", "register", fields);
        assertNotEquals(302, forged.statusCode(), "a post without the form registers nobody");
        assertEquals(200, latecomer.login("/admin", email, WebClient.PASSWORD).statusCode(), "no account was made");
    }

    @Test
    void anInvitationLinkMakesOneAdminOnceAndOnlyItsHashIsStored() {
        String email = "invited-" + System.nanoTime() + "@example.com";
        String token = loggedInAdmin().inviteAsLoggedIn("Invited Nurse", email);

        WebClient invited = new WebClient(baseUrl);
        String page = invited.get("/admin/invitation?token=" + token).body();
        assertTrue(page.contains("Welcome, Invited Nurse") && page.contains(email), "the link shows whom it is for");
        HttpResponse<String> weak = invited.submit("/admin/invitation?token=" + token, "acceptForm", "accept",
                Map.of("password", "password1234"));
        assertTrue(weak.body().contains("Please choose a stronger password"), "the password rules apply");
        assertEquals(302, invited.acceptInvitation(token).statusCode());
        assertEquals(302, invited.login("/admin", email, WebClient.PASSWORD).statusCode(), "the new admin logs in");
        assertEquals(200, invited.get("/admin/dashboard").statusCode());

        WebClient second = new WebClient(baseUrl);
        assertTrue(second.get("/admin/invitation?token=" + token).body().contains("This invitation link is not valid"),
                "a used link is spent");
        HttpResponse<String> reused = second.submit("/admin/invitation?token=" + token, "acceptForm", "accept",
                Map.of("password", "Another-Monsoon-77"));
        assertNotEquals(302, reused.statusCode());
        assertEquals(302, new WebClient(baseUrl).login("/admin", email, WebClient.PASSWORD).statusCode(),
                "the password chosen first still holds");
        assertFalse(dataText().contains(token), "only the token's fingerprint is kept");
    }

    @Test
    void aRenewedOrWithdrawnLinkStopsWorking() {
        WebClient admin = loggedInAdmin();
        String email = "renewed-" + System.nanoTime() + "@example.com";
        String first = admin.inviteAsLoggedIn("Renewed Clerk", email);
        String second = admin.inviteAsLoggedIn("Renewed Clerk", email);
        assertNotEquals(first, second);
        assertTrue(new WebClient(baseUrl).get("/admin/invitation?token=" + first).body()
                .contains("This invitation link is not valid"), "the renewed link replaced the first");
        assertTrue(new WebClient(baseUrl).get("/admin/invitation?token=" + second).body().contains("Welcome, Renewed Clerk"));

        String list = admin.get("/admin/invitations").body();
        assertTrue(list.contains(email), "the open invitation is listed");
        int row = rowOf(list, email);
        admin.submit("/admin/invitations", "pendingForm", "pending:" + row + ":withdraw", Map.of());
        assertTrue(new WebClient(baseUrl).get("/admin/invitation?token=" + second).body()
                .contains("This invitation link is not valid"), "a withdrawn link is dead");
        assertFalse(admin.get("/admin/invitations").body().contains(email), "and no longer listed");

        java.util.List<String> changes = PatientsAdminIT.accountChanges(admin.get("/admin/audit").body()).stream()
                .filter(change -> change.contains("Renewed Clerk")).toList();
        assertEquals(3, changes.size(), "two invitations and the withdrawal are in the audit trail: " + changes);
        assertTrue(changes.get(0).contains("Invitation withdrawn") && changes.get(1).contains("Admin invited")
                && changes.get(2).contains(email), "newest first, with the address invited: " + changes);
    }

    @Test
    void onlyAdminsInviteAndAPatientsAddressCannotBeInvited() {
        WebClient patient = new WebClient(baseUrl);
        String patientEmail = patient.registerAndLogin("Invite Curious", null);
        assertNotEquals(200, patient.get("/admin/invitations").statusCode(), "a patient cannot open the page");
        HttpResponse<String> taken = loggedInAdmin().submit("/admin/invitations", "inviteForm", "invite",
                Map.of("name", "Not Again", "email", patientEmail));
        assertTrue(taken.body().contains("This address has an account already"), "the admin is told why");
        assertEquals(302, new WebClient(baseUrl).login("", patientEmail, WebClient.PASSWORD).statusCode(),
                "the patient's account is untouched");
        assertTrue(new WebClient(baseUrl).get("/admin/invitation?token=not-a-real-token").body()
                .contains("This invitation link is not valid"));
    }

    private static int rowOf(String page, String email) {
        java.util.regex.Matcher rows = java.util.regex.Pattern.compile("data-ri=\"(\\d+)\"[^>]*>(.*?)</tr>",
                java.util.regex.Pattern.DOTALL).matcher(page);
        while (rows.find()) {
            if (rows.group(2).contains(email)) {
                return Integer.parseInt(rows.group(1));
            }
        }
        throw new AssertionError("no row for " + email);
    }

    private static String dataText() {
        try (Stream<Path> files = Files.walk(dataDir)) {
            StringBuilder text = new StringBuilder();
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                text.append(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
