package org.clinic.appointments.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.clinic.appointments.application.HtmlText;

/**
 * A short page written without Faces, in the clinic's look (its stylesheet, its name leading home). For answers that must cost next to nothing or cannot go
 * through Faces; texts come from the bundle, addresses from this site.
 */
final class PlainPage {

    /** A link on the page; {@code path} is below the context path. */
    record Link(String id, String path, String label) {
    }

    /** A script of the application's {@code js} resources, and how often the page reloads itself without script. */
    record Script(String name, int refreshSecondsWithoutScript) {
    }

    private PlainPage() {
    }

    /** A title, a sentence and links, in a card. */
    static void send(HttpServletRequest request, HttpServletResponse response, int status, String sectionId,
            String title, String text, List<Link> links) throws IOException {
        String context = request.getContextPath();
        StringBuilder main = new StringBuilder("<main class=\"content\"><section class=\"card narrow error-page\" id=\"")
                .append(sectionId).append("\"><h1 id=\"errorTitle\">").append(title).append("</h1><p>").append(text)
                .append("</p>");
        for (Link link : links) {
            main.append("<p><a id=\"").append(link.id()).append("\" href=\"")
                    .append(HtmlText.escape(context + link.path())).append("\">").append(link.label()).append("</a></p>");
        }
        write(request, response, status, title, null, main.append("</section></main>"));
    }

    /** A page with the given {@code <main>} element, and a script when one is given. */
    static void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
            Script script, CharSequence main) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        String resources = request.getContextPath() + "/jakarta.faces.resource/";
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        if (script != null) {
            page.append("<noscript><meta http-equiv=\"refresh\" content=\"").append(script.refreshSecondsWithoutScript())
                    .append("\"></noscript>");
        }
        String clinic = Texts.get("app.name");
        page.append("<title>").append(title).append(" · ").append(clinic)
                .append("</title><link rel=\"icon\" type=\"image/svg+xml\" href=\"").append(resources)
                .append("images/favicon.svg.xhtml\"><link rel=\"stylesheet\" href=\"").append(resources)
                .append("css/app.css.xhtml\">");
        if (script != null) {
            page.append("<script src=\"").append(resources).append("js/").append(script.name())
                    .append(".xhtml\" defer></script>");
        }
        page.append("</head><body class=\"patient-look\"><header class=\"topbar\"><a id=\"brand\" class=\"brand\" href=\"")
                .append(request.getContextPath()).append("/\">").append(clinic).append("</a></header>");
        byte[] bytes = page.append(main).append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        try {
            response.getOutputStream().write(bytes);
        } catch (IllegalStateException writerInUse) {
            response.getWriter().write(new String(bytes, StandardCharsets.UTF_8));
        }
    }
}
