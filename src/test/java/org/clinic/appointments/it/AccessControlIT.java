package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What an anonymous caller gets from the server, over plain HTTP. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessControlIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app("access", true);
    }

    @ArquillianResource
    URL baseUrl;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path) throws Exception {
        URI uri = URI.create(baseUrl.toString().replaceAll("/$", "") + path);
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/patient/doctors", "/patient/doctors.xhtml", "/patient/anything", "/patient/doctor?id=doc1",
        "/patient/symptoms", "/patient/book?doctor=doc1", "/patient/pay?id=x", "/patient/payment-result?id=x",
        "/patient/appointment?id=x", "/patient/appointments", "/patient/appointment.ics?id=x"})
    void anonymousPatientPagesGoToThePatientLogin(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertEquals(302, response.statusCode());
        assertTrue(response.headers().firstValue("Location").orElse("").endsWith("/login"),
                response.headers().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin/dashboard", "/admin/dashboard.xhtml", "/admin/anything"})
    void anonymousAdminPagesGoToTheAdminLogin(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertEquals(302, response.statusCode());
        assertTrue(response.headers().firstValue("Location").orElse("").endsWith("/admin/login"),
                response.headers().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/patient/doctors:/login", "/admin/schedule:/admin/login"})
    void anAjaxRequestWithoutASessionIsSentToTheLoginPageTheBrowserFollows(String pageAndLogin) throws Exception {
        String[] parts = pageAndLogin.split(":");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl.toString()
                .replaceAll("/$", "") + parts[0])).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Faces-Request", "partial/ajax").POST(HttpRequest.BodyPublishers.ofString(
                        "jakarta.faces.partial.ajax=true&jakarta.faces.ViewState=stateless"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), "the browser's ajax code follows only a redirect in the answer");
        assertTrue(response.body().contains("<partial-response><redirect url=\"" + parts[1] + "\""), response.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/login", "/register", "/admin/login", "/admin/register"})
    void publicPagesAreServed(String path) throws Exception {
        assertEquals(200, get(path).statusCode(), path);
    }

    @Test
    void anUnknownPageIsTheFriendlyNotFoundPage() throws Exception {
        HttpResponse<String> response = get("/no-such-page");
        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("error-404"));
    }

    @Test
    void aFormFromASessionThatEndedShowsTheExpiredPageWithoutAStackTraceOrAServerError() throws Exception {
        Path serverLog = Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log");
        long logged = Files.size(serverLog);
        WebClient.FormPage page = new WebClient(baseUrl).open("/login");
        HttpResponse<String> response = new WebClient(baseUrl).post("/login", "loginForm", "login",
                Map.of("email", "a@b.c"), page.viewState(), page.nonce());
        assertTrue(response.body().contains("id=\"error-expired\""), response.body());
        assertEquals(400, response.statusCode(), "an expired or forged form is not a server error");
        String context = baseUrl.getPath().replaceAll("/$", "");
        assertTrue(response.body().contains("id=\"errorAgain\" href=\"" + context + "/login\""),
                "without a page it came from, the form's own address is offered again: " + response.body());
        for (var referer : Map.of(baseUrl + "patient/book?doctor=doc5", context + "/patient/book?doctor=doc5",
                "https://elsewhere.example/somewhere", context + "/login").entrySet()) {
            HttpResponse<String> sentFrom = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Referer", referer.getKey())
                    .POST(HttpRequest.BodyPublishers.ofString("loginForm=loginForm&jakarta.faces.ViewState="
                            + URLEncoder.encode(page.viewState(), StandardCharsets.UTF_8) + "&primefaces.nonce=" + page.nonce()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(sentFrom.body().contains("id=\"errorAgain\" href=\"" + referer.getValue() + "\""),
                    "sent from " + referer.getKey() + ", the page offered again is " + referer.getValue() + ": "
                            + sentFrom.body().replaceAll("(?s).*(<a id=\"errorAgain\"[^>]*>).*", "$1"));
        }
        assertFalse(response.body().contains("at org.") || response.body().contains("at jakarta."),
                "no stack trace in the page");
        for (String event : new String[] {"", "&jakarta.faces.behavior.event=no-such-event"}) {
            HttpResponse<String> ajax = http.send(HttpRequest.newBuilder(URI.create(baseUrl.toString()
                    .replaceAll("/$", "") + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Faces-Request", "partial/ajax").POST(HttpRequest.BodyPublishers.ofString(
                            "jakarta.faces.partial.ajax=true&jakarta.faces.source=loginForm%3Aemail" + event
                            + "&jakarta.faces.partial.execute=loginForm&jakarta.faces.partial.render=loginForm"
                            + "&loginForm=loginForm&jakarta.faces.ViewState=" + URLEncoder.encode(page.viewState(),
                                    StandardCharsets.UTF_8) + "&primefaces.nonce=" + page.nonce()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(ajax.body().contains("<partial-response>") && ajax.body().contains("error-expired"),
                    "the ajax request gets the expired page " + event + ": " + ajax.body());
            assertEquals(200, ajax.statusCode(), "the browser shows an ajax answer only with 200 " + event);
        }
        byte[] log = Files.readAllBytes(serverLog);
        String added = new String(log, (int) Math.min(logged, log.length), (int) Math.max(0, log.length - logged),
                StandardCharsets.UTF_8);
        assertFalse(added.contains("ViewExpiredException") || added.contains("ERROR") || added.contains("SEVERE"),
                "an expired form or ajax request is not logged as a server error: " + added);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/login", "/register", "/admin/login", "/no-such-page", "/resources/css/app.css",
        "/jakarta.faces.resource/core.js.xhtml?ln=primefaces", "/patient/doctors", "/admin/dashboard"})
    void everyAnswerCarriesTheSecurityHeaders(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), path);
        assertEquals("same-origin", response.headers().firstValue("Referrer-Policy").orElse(""), path);
        assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(""), path);
        assertTrue(response.headers().firstValue("Permissions-Policy").orElse("").contains("camera=()"), path);
        if (!path.startsWith("/resources/") && !path.startsWith("/jakarta.faces.resource/")) {
            assertTrue(String.join(",", response.headers().allValues("Cache-Control")).contains("no-store"),
                    path + ": never kept, " + response.headers().allValues("Cache-Control"));
        }
    }

    /** Without an icon of its own, a browser asks for /favicon.ico at each page, and gets the not-found page. */
    @ParameterizedTest
    @ValueSource(strings = {"/", "/admin/login", "/no-such-page"})
    void everyPageNamesTheSitesIcon(String path) throws Exception {
        assertNamesTheSitesIcon(path, get(path).body());
    }

    /** The pages written without Faces (here the answer to a form far too large) name it too. */
    @Test
    void plainPagesNameTheSitesIconToo() throws Exception {
        HttpResponse<String> tooLarge = http.send(HttpRequest.newBuilder(URI.create(baseUrl.toString()
                .replaceAll("/$", "") + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + "a".repeat(3 * 1024 * 1024))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, tooLarge.statusCode());
        assertNamesTheSitesIcon("the answer to a form too large", tooLarge.body());
    }

    /** Browsers and tools that ask for /favicon.ico without reading the page are sent to the icon. */
    @Test
    void theIconsUsualAddressLeadsToTheIcon() throws Exception {
        HttpResponse<String> moved = get("/favicon.ico");
        assertEquals(301, moved.statusCode());
        assertFalse(moved.headers().allValues("Cache-Control").contains("no-store"), "browsers may keep the redirect");
        String icon = moved.headers().firstValue("Location").orElse("");
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(baseUrl.toURI().resolve(icon)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), icon);
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"), icon);
        assertTrue(answer.body().startsWith("<svg"), answer.body());
    }

    private void assertNamesTheSitesIcon(String page, String html) throws Exception {
        java.util.regex.Matcher icon = java.util.regex.Pattern
                .compile("<link rel=\"icon\" type=\"image/svg\\+xml\" href=\"[^\"]*?(/jakarta\\.faces\\.resource/[^\"]+)\"")
                .matcher(html);
        assertTrue(icon.find(), page + " names the site's icon");
        HttpResponse<String> answer = get(icon.group(1).replace("&amp;", "&"));
        assertEquals(200, answer.statusCode(), icon.group(1));
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"),
                answer.headers().toString());
        assertTrue(answer.body().startsWith("<svg"), answer.body());
    }

    @Test
    void pagesAllowOnlyTheirOwnScriptsAndTheSessionCookieStaysWithTheSite() throws Exception {
        HttpResponse<String> response = get("/login");
        String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("default-src 'self'") && policy.contains("frame-ancestors 'none'")
                && policy.contains("object-src 'none'"), policy);
        java.util.regex.Matcher nonce = java.util.regex.Pattern.compile("script-src 'self' 'nonce-([^']+)'").matcher(policy);
        assertTrue(nonce.find(), "scripts need the page's nonce: " + policy);
        assertFalse(policy.contains("unsafe-inline'; script") || policy.matches(".*script-src[^;]*unsafe-inline.*"),
                "no inline script without the nonce: " + policy);
        assertTrue(response.body().contains("nonce=\"" + nonce.group(1) + "\""), "the page's scripts carry it");
        assertFalse(get("/login").headers().firstValue("Content-Security-Policy").orElse("").contains(nonce.group(1)),
                "a fresh nonce for every page");
        String cookie = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID"))
                .findFirst().orElse("");
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), cookie);
    }
}
