package org.clinic.appointments.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.clinic.appointments.infrastructure.config.AppConfig;

/**
 * The door of the booking flow ({@code appointments.line-limit} booking requests at once): beyond it, opening
 * the booking page answers "You are in line: number N", a small page that asks again by itself every
 * {@code appointments.line-refresh-seconds}, until the person's turn comes and the booking page opens. Forms
 * already inside the flow (the booking form, the payment page and form) pass and are counted, so nobody loses
 * what they sent or the hold they have.
 */
public class FairLineFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(FairLineFilter.class.getName());
    static final String TICKET = "appointments.lineTicket";

    @Inject
    AppConfig config;

    @Inject
    Clock clock;

    private transient FairLine line;

    @Override
    public void init() {
        int limit = config.lineLimit();
        line = limit > 0 ? new FairLine(limit, java.time.Duration.ofSeconds(3L * config.lineRefreshSeconds()), clock)
                : null;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (line == null) {
            chain.doFilter(request, response);
            return;
        }
        boolean door = "GET".equals(request.getMethod())
                && request.getRequestURI().startsWith(request.getContextPath() + "/patient/book");
        if (!door) {
            line.enterInside();
            serve(request, response, chain);
            return;
        }
        HttpSession session = request.getSession();
        Long ticket = (Long) session.getAttribute(TICKET);
        if (line.arrive(ticket) instanceof FairLine.Waiting waiting) {
            session.setAttribute(TICKET, waiting.ticket());
            sendLinePage(request, response, waiting.place());
            return;
        }
        if (ticket != null) {
            session.removeAttribute(TICKET);
        }
        serve(request, response, chain);
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } finally {
            line.done();
        }
    }

    private void sendLinePage(HttpServletRequest request, HttpServletResponse response, int place) throws IOException {
        int refresh = config.lineRefreshSeconds();
        LOG.fine(() -> "Booking page request in line at place " + place);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        String title = Texts.get("line.title");
        String page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta http-equiv=\"refresh\" content=\"" + refresh + "\"><title>" + title + "</title>"
                + "<link rel=\"stylesheet\" href=\"" + request.getContextPath() + "/jakarta.faces.resource/css/app.css.xhtml\">"
                + "</head><body class=\"patient-look\"><main id=\"content\" class=\"card narrow\">"
                + "<h1 id=\"lineTitle\">" + title + "</h1>"
                + "<p id=\"linePlace\" class=\"line-place\" role=\"status\">" + Texts.get("line.place", place) + "</p>"
                + "<p>" + Texts.get("line.text", refresh) + "</p></main></body></html>";
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
