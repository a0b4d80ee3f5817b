package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Guessing the admin registration code is throttled per address, like logins. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminCodeIT {

    @Deployment(testable = false)
    static WebArchive guessed() {
        return Deployments.app("admin-code-guessed", true);
    }

    @ArquillianResource
    URL baseUrl;

    @Test
    void wrongCodesAreThrottledPerAddressAndTheRightCodeWaitsToo() {
        WebClient guesser = new WebClient(baseUrl);
        for (int i = 0; i < 5; i++) {
            String page = guesser.submit("/admin/register", "registerForm", "register", fields("guess-" + i)).body();
            assertTrue(page.contains("admin registration code is not correct"), "guess " + i + " is heard and refused");
        }
        HttpResponse<String> sixth = guesser.submit("/admin/register", "registerForm", "register",
                fields(Deployments.ADMIN_CODE));
        assertEquals(200, sixth.statusCode());
        assertTrue(sixth.body().contains("Too many wrong codes"), "the sixth attempt waits, even with the right code");
    }

    static Map<String, String> fields(String code) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("name", "Code Guesser",
                "email", "guesser-" + System.nanoTime() + "@example.com", "phone", "+91 98765 43210",
                "password", WebClient.PASSWORD));
        fields.put("adminCode", code);
        return fields;
    }
}
