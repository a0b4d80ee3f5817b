package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The server's health endpoints (WildFly serves them on its management port) report the ledger. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app("health", false);
    }

    @ArquillianResource
    URL baseUrl;

    static JsonObject ledgerCheck(HttpResponse<String> response) {
        return check(response, "ledger");
    }

    /** The health answer's check of this name. */
    static JsonObject check(HttpResponse<String> response, String name) {
        JsonObject health = Json.createReader(new StringReader(response.body())).readObject();
        return health.getJsonArray("checks").stream().map(v -> v.asJsonObject())
                .filter(check -> name.equals(check.getString("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " check in " + response.body()));
    }

    static HttpResponse<String> health(URL baseUrl, String which) throws Exception {
        URI uri = URI.create("http://" + baseUrl.getHost() + ":" + Integer.getInteger("management.port", 9990) + "/health/" + which);
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void readyWithTheLedgerLoadedItsDirectoryWritableAndDiskToSpare() throws Exception {
        HttpResponse<String> response = health(baseUrl, "ready");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject ledger = ledgerCheck(response);
        assertEquals("UP", ledger.getString("status"));
        assertFalse(ledger.containsKey("data"), "UP or DOWN only: no figures for anyone who can reach the port");
    }

    @Test
    void aliveWhileTheLedgerAnswers() throws Exception {
        HttpResponse<String> response = health(baseUrl, "live");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("UP", ledgerCheck(response).getString("status"));
        assertFalse(ledgerCheck(response).containsKey("data"));
    }

    @Test
    void theMetricsEndpointIsOffWithoutAToken() {
        assertEquals(404, new WebClient(baseUrl).get("/monitoring/metrics").statusCode());
    }
}
