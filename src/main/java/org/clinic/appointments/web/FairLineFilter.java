package org.clinic.appointments.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
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
 * the booking page answers "You are in line: number N", a small page whose script asks where the person stands
 * every {@code appointments.line-refresh-seconds} and updates the number in place, until the person's turn comes
 * and the booking page opens (without script, the page reloads itself at that pace). Nobody waits for a page with
 * nothing to book (the day asked for, or every day, is full): while the line is full they are told so at once, and a
 * waiter whose day fills up is told at their next question. Forms already inside the flow (the booking form, the
 * payment page and form) pass and are counted, so nobody loses what they sent or the hold they have.
 */
public class FairLineFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(FairLineFilter.class.getName());
    static final String TICKET = "appointments.lineTicket";
    /** The header of the line page's own question "where do I stand?", which lets nobody in. */
    static final String PLACE_CHECK = "X-Line-Place";
    /** A day as the booking page shows it. */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    @Inject
    AppConfig config;

    @Inject
    Clock clock;

    @Inject
    NothingToBook nothingToBook;

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
        if (request.getHeader(PLACE_CHECK) != null) {
            answerPlace(request, response);
            return;
        }
        HttpSession session = request.getSession();
        Long ticket = (Long) session.getAttribute(TICKET);
        if (line.arrive(ticket) instanceof FairLine.Waiting waiting) {
            if (nothingLeftFor(request)) {
                line.leave(waiting.ticket());
                session.removeAttribute(TICKET);
                sendNothingToBook(request, response);
                return;
            }
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

    /** The line page's script asking where its person stands: the place as text, or 204 when it is time to come in. */
    private void answerPlace(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        OptionalInt place = line.place(session == null ? null : (Long) session.getAttribute(TICKET));
        response.setHeader("Cache-Control", "no-store");
        if (place.isEmpty() || nothingLeftFor(request)) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(Integer.toString(place.getAsInt()));
    }

    /**
     * Whether the booking page asked for can offer nothing to book: the doctor's day, or without a day every day of
     * the horizon, has no free slot. Pages without a doctor (moving an appointment) wait as usual.
     */
    private boolean nothingLeftFor(HttpServletRequest request) {
        String doctorId = request.getParameter("doctor");
        return doctorId != null && nothingToBook.on(doctorId, askedDate(request));
    }

    private static LocalDate askedDate(HttpServletRequest request) {
        try {
            return DateParameter.parse(request.getParameter("date"));
        } catch (DateTimeException unreadable) {
            return null;
        }
    }

    /**
     * While the line is full, a booking page with nothing to book is answered by this small page instead of the
     * booking page itself, so that a thousand people seeing a full day do not hold up those who can still book.
     */
    private void sendNothingToBook(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LOG.fine("Booking page request with nothing to book, answered without waiting");
        LocalDate date = askedDate(request);
        List<PlainPage.Link> links = new ArrayList<>();
        if (date != null) {
            String doctor = URLEncoder.encode(request.getParameter("doctor"), StandardCharsets.UTF_8);
            links.add(new PlainPage.Link("otherDays", "/patient/book?doctor=" + doctor,
                    Texts.get("line.full.other_days")));
        }
        links.add(new PlainPage.Link("otherDoctors", "/patient/doctors", Texts.get("line.full.other_doctors")));
        links.add(new PlainPage.Link("myAppointments", "/patient/appointments", Texts.get("nav.appointments")));
        PlainPage.send(request, response, HttpServletResponse.SC_OK, "lineFull", Texts.get("line.full.title"),
                date == null ? Texts.get("line.full.any") : Texts.get("line.full.day", DAY.format(date)), links);
    }

    private void sendLinePage(HttpServletRequest request, HttpServletResponse response, int place) throws IOException {
        int refresh = config.lineRefreshSeconds();
        LOG.fine(() -> "Booking page request in line at place " + place);
        String title = Texts.get("line.title");
        String main = "<main id=\"content\" class=\"content\"><section class=\"card narrow\" id=\"line\">"
                + "<h1 id=\"lineTitle\">" + title + "</h1>"
                + "<p id=\"linePlace\" class=\"line-place\" role=\"status\" data-every-seconds=\"" + refresh
                + "\" data-place-text=\"" + Texts.get("line.place", "{0}") + "\">" + Texts.get("line.place", place) + "</p>"
                + "<p>" + Texts.get("line.text", refresh) + "</p></section></main>";
        PlainPage.write(request, response, HttpServletResponse.SC_OK, title, new PlainPage.Script("line.js", refresh),
                main);
    }
}
