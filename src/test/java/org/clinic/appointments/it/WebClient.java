package org.clinic.appointments.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One visitor over plain HTTP with a cookie jar: reads pages and posts Faces forms as a browser would. */
final class WebClient {

    static final String PASSWORD = "Monsoon-Tea-42";
    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");
    /** A slot radio that is not disabled: the time it books. */
    static final Pattern FREE_SLOT = Pattern.compile(
            "name=\"bookForm:time\" id=\"bookForm:time:\\d+\" value=\"([^\"]+)\" />");
    private static final Pattern APPOINTMENT_ID = Pattern.compile("[?&]id=([0-9a-f-]{36})");
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");

    private final String base;
    private final HttpClient http;
    private final Map<String, String> headers;
    private final CookieManager cookies = new CookieManager();

    WebClient(URL baseUrl) {
        this(baseUrl, Map.of());
    }

    /** A visitor whose every request carries these headers too (e.g. those a proxy adds). */
    WebClient(URL baseUrl, Map<String, String> headers) {
        this.headers = Map.copyOf(headers);
        this.base = baseUrl.toString().replaceAll("/$", "");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The cookies this visitor holds, as its next request's {@code Cookie} header would carry them. */
    String cookieHeader() {
        return cookies.getCookieStore().get(URI.create(base + "/")).stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Each client asks for the path at the same instant, from the pool's threads; answers in the clients' order. */
    static List<HttpResponse<String>> atOnce(List<WebClient> clients, String path, ExecutorService pool)
            throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> asked = new ArrayList<>();
        for (WebClient client : clients) {
            asked.add(pool.submit(() -> {
                go.await();
                return client.get(path);
            }));
        }
        go.countDown();
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : asked) {
            answers.add(answer.get());
        }
        return answers;
    }

    HttpResponse<String> get(String path, String header, String value) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header(header, value).GET());
    }

    /**
     * Opens the page, then submits one of its forms with the given fields (names without the form's prefix),
     * with the page's view state and script nonce as PrimeFaces' script in a browser sends them.
     */
    HttpResponse<String> submit(String path, String formId, String button, Map<String, String> fields) {
        String page = get(path).body();
        Matcher viewState = VIEW_STATE.matcher(page);
        Matcher nonce = NONCE.matcher(page);
        return post(path, formId, button, fields, viewState.find() ? viewState.group(1) : "none",
                nonce.find() ? nonce.group(1) : null);
    }

    HttpResponse<String> post(String path, String formId, String button, Map<String, String> fields, String viewState) {
        return post(path, formId, button, fields, viewState, null);
    }

    HttpResponse<String> post(String path, String formId, String button, Map<String, String> fields, String viewState,
            String nonce) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put(formId, formId);
        fields.forEach((name, value) -> form.put(formId + ":" + name, value));
        if (button != null) {
            form.put(formId + ":" + button, "");
        }
        form.put("jakarta.faces.ViewState", viewState);
        if (nonce != null) {
            form.put("primefaces.nonce", nonce);
        }
        StringJoiner body = new StringJoiner("&");
        form.forEach((name, value) -> body.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /**
     * Posts a form body exactly as given (already encoded), with the page's view state and nonce appended: for
     * bytes a browser would never send, and for bodies of any size.
     */
    HttpResponse<String> postRaw(FormPage page, String formId, String button, String encodedFields) {
        String body = URLEncoder.encode(formId, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(formId, StandardCharsets.UTF_8)
                + "&" + encodedFields + "&" + URLEncoder.encode(formId + ":" + button, StandardCharsets.UTF_8) + "="
                + "&jakarta.faces.ViewState=" + URLEncoder.encode(page.viewState(), StandardCharsets.UTF_8)
                + (page.nonce() == null ? "" : "&primefaces.nonce=" + URLEncoder.encode(page.nonce(), StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + page.path()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Posts one of the page's forms as {@code multipart/form-data}, as a browser sends a file: the fields, then the
     * file under {@code fileField} with the name and content type the browser would claim.
     */
    HttpResponse<String> upload(FormPage page, String formId, String button, String fileField, String fileName,
            String contentType, byte[] content) {
        String boundary = "----clinic" + java.util.UUID.randomUUID().toString().replace("-", "");
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(formId, formId);
        fields.put(formId + ":" + button, "");
        fields.put("jakarta.faces.ViewState", page.viewState());
        if (page.nonce() != null) {
            fields.put("primefaces.nonce", page.nonce());
        }
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + formId + ":" + fileField
                + "\"; filename=\"" + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + page.path()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** The raw bytes of a GET, with its headers. */
    HttpResponse<byte[]> getBytes(String path) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
            headers.forEach(request::header);
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A page as read, with what a form post from it needs. */
    record FormPage(String path, String body, String viewState, String nonce) {
    }

    FormPage open(String path) {
        return answered(path, get(path).body());
    }

    /** The page a post answered with (a form shown again), to post its forms in turn. */
    FormPage answered(String path, String body) {
        Matcher viewState = VIEW_STATE.matcher(body);
        Matcher nonce = NONCE.matcher(body);
        return new FormPage(path, body, viewState.find() ? viewState.group(1) : "none", nonce.find() ? nonce.group(1) : null);
    }

    /** Posts one of the page's forms with its view state and nonce: several posts may follow one {@link #open}. */
    HttpResponse<String> post(FormPage page, String formId, String button, Map<String, String> fields) {
        return post(page.path(), formId, button, fields, page.viewState(), page.nonce());
    }

    /** The AJAX request PrimeFaces sends for a component's behaviour (e.g. a radio's change), on the page's view. */
    HttpResponse<String> ajax(FormPage page, String formId, String source, String event, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("jakarta.faces.partial.ajax", "true");
        form.put("jakarta.faces.source", formId + ":" + source);
        form.put("jakarta.faces.partial.execute", formId + ":" + source);
        form.put("jakarta.faces.partial.render", "@form");
        form.put("jakarta.faces.behavior.event", event);
        form.put("jakarta.faces.partial.event", event);
        form.put(formId, formId);
        fields.forEach((name, value) -> form.put(formId + ":" + name, value));
        form.put("jakarta.faces.ViewState", page.viewState());
        if (page.nonce() != null) {
            form.put("primefaces.nonce", page.nonce());
        }
        StringJoiner body = new StringJoiner("&");
        form.forEach((name, value) -> body.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(URI.create(base + page.path()))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Faces-Request", "partial/ajax")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** Opens the page, then presses a non-AJAX button of one of its forms and answers the raw download. */
    HttpResponse<byte[]> download(String path, String formId, String button) {
        Matcher viewState = VIEW_STATE.matcher(get(path).body());
        String body = URLEncoder.encode(formId, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(formId, StandardCharsets.UTF_8)
                + "&" + URLEncoder.encode(formId + ":" + button, StandardCharsets.UTF_8) + "="
                + "&jakarta.faces.ViewState=" + URLEncoder.encode(viewState.find() ? viewState.group(1) : "none",
                        StandardCharsets.UTF_8);
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The first admin of the deployment under test (who registered with the code), who invites the others. */
    private static volatile String firstAdmin;
    private static final Pattern INVITATION_TOKEN = Pattern.compile("invitation\\?token=([A-Za-z0-9_-]+)");

    /**
     * Registers and logs in; answers the e-mail address used. With the admin code: the deployment's first admin
     * registers with it, and every later one joins through an invitation from the first.
     */
    String registerAndLogin(String name, String adminCode) {
        String email = name.toLowerCase().replace(' ', '.') + "-" + System.nanoTime() + "@example.com";
        String portal = adminCode == null ? "" : "/admin";
        Map<String, String> fields = new LinkedHashMap<>(Map.of("name", name, "email", email,
                "phone", "+91 98765 43210", "password", PASSWORD));
        if (adminCode != null) {
            fields.put("adminCode", adminCode);
        }
        if (adminCode != null && get("/admin/register").body().contains("this clinic has its first admin")) {
            acceptInvitation(invite(firstAdmin, name, email));
        } else {
            HttpResponse<String> registered = submit(portal + "/register", "registerForm", "register", fields);
            if (adminCode != null && registered.statusCode() == 302) {
                firstAdmin = email;
            }
        }
        HttpResponse<String> login = login(portal, email, PASSWORD);
        if (login.statusCode() != 302) {
            java.util.regex.Matcher said = Pattern.compile("ui-messages-\\w+-summary\">([^<]*)").matcher(login.body());
            throw new IllegalStateException("Login of " + email + " answered " + login.statusCode()
                    + (said.find() ? ": " + said.group(1) : ""));
        }
        return email;
    }

    /** The admin (by e-mail, logged in by a client of its own) invites a person; answers the link's token. */
    String invite(String adminEmail, String name, String email) {
        WebClient admin = new WebClient(url(base), headers);
        if (admin.login("/admin", adminEmail, PASSWORD).statusCode() != 302) {
            throw new IllegalStateException("The inviting admin could not log in");
        }
        return admin.inviteAsLoggedIn(name, email);
    }

    /** As a logged-in admin: creates an invitation and answers its token. */
    String inviteAsLoggedIn(String name, String email) {
        String page = submit("/admin/invitations", "inviteForm", "invite", Map.of("name", name, "email", email)).body();
        Matcher token = INVITATION_TOKEN.matcher(page);
        if (!token.find()) {
            throw new IllegalStateException("No invitation link on the page");
        }
        return token.group(1);
    }

    /** Opens the invitation link and chooses {@link #PASSWORD}; a success answers 302 to the admin login. */
    HttpResponse<String> acceptInvitation(String token) {
        return submit("/admin/invitation?token=" + token, "acceptForm", "accept", Map.of("password", PASSWORD));
    }

    /** Logs in at the patient ({@code ""}) or admin ({@code "/admin"}) portal; a success answers 302. */
    HttpResponse<String> login(String portal, String email, String password) {
        return submit(portal + "/login", "loginForm", "login", Map.of("email", email, "password", password));
    }

    /** Holds the first free slot the doctor's booking page offers; answers the new appointment's id. */
    String holdFirstFreeSlot(String doctorId, String reason) {
        String path = "/patient/book?doctor=" + doctorId;
        Matcher slot = FREE_SLOT.matcher(get(path).body());
        if (!slot.find()) {
            throw new IllegalStateException("No free slot offered on " + path);
        }
        HttpResponse<String> booked = submit(path, "bookForm", "submit", Map.of("time", slot.group(1), "reason", reason));
        String location = booked.headers().firstValue("Location").orElse("");
        Matcher id = APPOINTMENT_ID.matcher(location);
        if (booked.statusCode() != 302 || !location.contains("/patient/pay") || !id.find()) {
            throw new IllegalStateException("Booking answered " + booked.statusCode() + " " + location + ": " + booked.body());
        }
        return id.group(1);
    }

    /** Holds the first free slot of the doctor on the date; answers the appointment's id. */
    String holdOn(String doctorId, java.time.LocalDate date, String reason) {
        FormPage page = open("/patient/book?doctor=" + doctorId + "&date=" + date);
        Matcher slot = FREE_SLOT.matcher(page.body());
        if (!slot.find()) {
            throw new IllegalStateException("No free slot of " + doctorId + " on " + date);
        }
        HttpResponse<String> held = post(page, "bookForm", "submit", Map.of("time", slot.group(1), "reason", reason));
        return held.headers().firstValue("Location").orElseThrow().replaceFirst(".*id=", "");
    }

    /** Pays a held appointment with the always-succeeding test card; answers the status (302 on success). */
    int payByCard(String appointmentId, String cardName) {
        FormPage pay = open("/patient/pay?id=" + appointmentId);
        ajax(pay, "payForm", "method", "change", Map.of("method", "CARD"));
        return post(pay, "payForm", "pay", Map.of("method", "CARD", "cardNumber", "4242 4242 4242 4242",
                "cardExpiry", "12/" + (java.time.LocalDate.now().getYear() % 100 + 2), "cardCvv", "123",
                "cardName", cardName)).statusCode();
    }

    /** Chooses Pay-at-Clinic for a held appointment; a success answers 302 to the result page. */
    HttpResponse<String> payAtClinic(String appointmentId) {
        return submit("/patient/pay?id=" + appointmentId, "payForm", "pay", Map.of("method", "PAY_AT_CLINIC"));
    }

    private static URL url(String base) {
        try {
            return URI.create(base + "/").toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            headers.forEach(request::header);
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
