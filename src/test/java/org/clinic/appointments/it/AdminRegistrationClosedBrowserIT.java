package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** Without a configured admin code nobody can become an admin, and the page says how to open it. */
@RunAsClient
class AdminRegistrationClosedBrowserIT extends BrowserTestBase {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app("closed", false);
    }

    @Test
    void theAdminRegistrationPageSaysItIsClosedAndHowToOpenIt() {
        open("/admin/register");
        assertTrue(exists("registrationClosed"));
        assertTrue(text("registrationClosed").contains("ADMIN_REGISTRATION_CODE"));
        assertFalse(exists("registerForm"), "no form to fill in while registration is closed");
    }
}
