package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An admin registration code shorter than 16 characters keeps admin registration closed, and the page says why. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminCodeTooShortIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app("admin-code-short", false, "appointments.admin-code=fifteen-chars-x");
    }

    @ArquillianResource
    URL baseUrl;

    @Test
    void aCodeShorterThanSixteenCharactersKeepsRegistrationClosedAndSaysWhy() {
        WebClient visitor = new WebClient(baseUrl);
        String page = visitor.get("/admin/register").body();
        assertTrue(page.contains("shorter than 16 characters"), "the page says why");
        assertFalse(page.contains("registerForm"), "no form to fill");
        HttpResponse<String> forced = visitor.submit("/admin/register", "registerForm", "register",
                AdminCodeIT.fields("fifteen-chars-x"));
        assertFalse(forced.statusCode() == 302, "the short code registers nobody");
    }
}
