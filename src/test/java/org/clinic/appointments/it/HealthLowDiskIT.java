package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpResponse;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With less free disk than required the server says it is not ready, and why, while it stays alive. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthLowDiskIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app("health-low-disk", false, "appointments.min-free-disk-bytes=" + Long.MAX_VALUE);
    }

    @ArquillianResource
    URL baseUrl;

    @Test
    void notReadyButAlive() throws Exception {
        HttpResponse<String> ready = HealthIT.health(baseUrl, "ready");
        assertEquals(503, ready.statusCode(), ready.body());
        assertEquals("DOWN", HealthIT.ledgerCheck(ready).getString("status"));
        assertFalse(HealthIT.ledgerCheck(ready).containsKey("data"), "UP or DOWN only");
        String log = Files.readString(Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log"));
        assertTrue(log.contains("Not ready: free disk is below appointments.min-free-disk-bytes"), "the server log says why");
        HttpResponse<String> live = HealthIT.health(baseUrl, "live");
        assertEquals(200, live.statusCode(), live.body());
    }
}
