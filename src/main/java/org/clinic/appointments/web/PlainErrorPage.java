package org.clinic.appointments.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An error answer written without Faces, for requests Faces cannot read (an unreadable form post, a forged
 * nonce): the error pages of {@code /WEB-INF/errorpages} would read the same request again and fail.
 */
final class PlainErrorPage {

    private PlainErrorPage() {
    }

    static void send(HttpServletRequest request, HttpServletResponse response, int status, String title, String text)
            throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        String page = "<!DOCTYPE html><html lang=\"en\"><head><title>" + title + "</title></head>"
                + "<body id=\"error-" + status + "\"><main><h1>" + title + "</h1><p>" + text + "</p><p><a href=\""
                + request.getContextPath() + "/\">Home</a></p></main></body></html>";
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        try {
            response.getOutputStream().write(bytes);
        } catch (IllegalStateException writerInUse) {
            response.getWriter().write(page);
        }
    }
}
