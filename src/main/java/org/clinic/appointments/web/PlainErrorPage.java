package org.clinic.appointments.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.clinic.appointments.security.SitePage;

/**
 * An error answer written without Faces, for requests Faces cannot read (an unreadable form post, a forged
 * nonce): the error pages of {@code /WEB-INF/errorpages} would read the same request again and fail. It looks like
 * the other error pages and, like "page expired", leads back to the page the form was on.
 */
final class PlainErrorPage {

    private PlainErrorPage() {
    }

    static void send(HttpServletRequest request, HttpServletResponse response, PlainError error) throws IOException {
        response.resetBuffer();
        response.setStatus(error.status());
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        String context = request.getContextPath();
        String again = context + SitePage.formOf(request);
        String page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + error.title()
                + "</title><link rel=\"stylesheet\" href=\"" + context + "/jakarta.faces.resource/css/app.css.xhtml\">"
                + "</head><body class=\"patient-look\"><main class=\"content\"><section class=\"card narrow error-page\" id=\"error-"
                + error.status() + "\"><h1 id=\"errorTitle\">" + error.title() + "</h1><p>" + error.text() + "</p>"
                + "<p><a id=\"errorAgain\" href=\"" + attribute(again) + "\">" + Texts.get("error.expired.again") + "</a></p>"
                + "<p><a id=\"errorHome\" href=\"" + context + "/\">" + Texts.get("error.home") + "</a></p>"
                + "</section></main></body></html>";
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        try {
            response.getOutputStream().write(bytes);
        } catch (IllegalStateException writerInUse) {
            response.getWriter().write(page);
        }
    }

    /** An address as an attribute's value: a query's {@code &} and anything that could close the attribute escaped. */
    static String attribute(String address) {
        return address.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
