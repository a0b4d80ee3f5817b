package org.clinic.appointments.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A short page written without Faces, in the clinic's look: a title, a sentence and links. For answers that must
 * cost next to nothing or cannot go through Faces; texts come from the bundle, addresses from this site.
 */
final class PlainPage {

    /** A link on the page; {@code path} is below the context path. */
    record Link(String id, String path, String label) {
    }

    private PlainPage() {
    }

    static void send(HttpServletRequest request, HttpServletResponse response, int status, String sectionId,
            String title, String text, List<Link> links) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        String context = request.getContextPath();
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").append(title)
                .append("</title><link rel=\"stylesheet\" href=\"").append(context)
                .append("/jakarta.faces.resource/css/app.css.xhtml\"></head><body class=\"patient-look\">")
                .append("<main class=\"content\"><section class=\"card narrow error-page\" id=\"").append(sectionId)
                .append("\"><h1 id=\"errorTitle\">").append(title).append("</h1><p>").append(text).append("</p>");
        for (Link link : links) {
            page.append("<p><a id=\"").append(link.id()).append("\" href=\"").append(attribute(context + link.path()))
                    .append("\">").append(link.label()).append("</a></p>");
        }
        byte[] bytes = page.append("</section></main></body></html>").toString().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        try {
            response.getOutputStream().write(bytes);
        } catch (IllegalStateException writerInUse) {
            response.getWriter().write(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    /** An address as an attribute's value: a query's {@code &} and anything that could close the attribute escaped. */
    static String attribute(String address) {
        return address.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
