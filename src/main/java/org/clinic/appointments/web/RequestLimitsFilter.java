package org.clinic.appointments.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.clinic.appointments.infrastructure.config.AppConfig;

/**
 * Refuses requests the application will not read, before anything else reads them: a body over
 * {@code appointments.max-request-bytes} answers 413, and a form the server cannot parse (more parameters than it
 * allows, a body over the server's own limit) answers 400. A body over the limit is read and thrown away first, up to
 * the server's own limit, because a connection closed while the client is still sending makes the browser show a
 * network error instead of the answer; past the server's limit the connection is closed, so the unread rest is never
 * taken for the client's next request. Either way nothing is done and the person sees a plain page instead of an
 * empty server error. Forms are read as UTF-8, the encoding of every page, unless the request
 * names another.
 */
public class RequestLimitsFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RequestLimitsFilter.class.getName());

    @Inject
    AppConfig config;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getContentLengthLong() > config.maxRequestBytes()) {
            if (!discardBody(request)) {
                response.setHeader("Connection", "close");
            }
            refuse(request, response, PlainError.TOO_LARGE, "body of " + request.getContentLengthLong() + " bytes");
            return;
        }
        if (request.getCharacterEncoding() == null) {
            request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        }
        try {
            request.getParameterMap();
        } catch (RuntimeException e) {
            refuse(request, response, causedByTooBig(e) ? PlainError.TOO_LARGE : PlainError.UNREADABLE,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
            return;
        }
        chain.doFilter(request, response);
    }

    /** Reads the body to its end and throws it away; false when the server stopped reading it first. */
    private static boolean discardBody(HttpServletRequest request) {
        byte[] buffer = new byte[64 * 1024];
        try (var body = request.getInputStream()) {
            while (body.read(buffer) >= 0) {
                // thrown away
            }
            return true;
        } catch (IOException overServerLimit) {
            return false;
        }
    }

    private static boolean causedByTooBig(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getSimpleName().contains("TooBig")) {
                return true;
            }
        }
        return false;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, PlainError error, String why)
            throws IOException {
        LOG.warning(() -> "Refused a " + request.getMethod() + " to " + request.getRequestURI() + " with status "
                + error.status() + ": " + why);
        PlainErrorPage.send(request, response, error);
    }
}
