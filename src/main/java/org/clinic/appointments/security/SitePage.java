package org.clinic.appointments.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/** A page of this application, as a path with its query below the context path, named by a request. */
public final class SitePage {

    private SitePage() {
    }

    /**
     * The page a request stands for: the one asked for by a GET, or for a form or ajax request the page it was sent
     * from (its {@code Referer}, which the browser sends within the site only).
     */
    public static Optional<String> of(HttpServletRequest request) {
        if ("GET".equals(request.getMethod())) {
            String query = request.getQueryString();
            return Optional.of(request.getRequestURI().substring(request.getContextPath().length())
                    + (query == null ? "" : "?" + query));
        }
        return sentFrom(request);
    }

    /**
     * Where to open a form's page again: the page it was sent from, with its query, or else the address it was sent to
     * (without a query, which may be what could not be read).
     */
    public static String formOf(HttpServletRequest request) {
        return sentFrom(request).orElseGet(() -> request.getRequestURI().substring(request.getContextPath().length()));
    }

    /**
     * The page of this application a form or ajax request was sent from, if its {@code Referer} names one on the host
     * the request was sent to.
     */
    public static Optional<String> sentFrom(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return Optional.empty();
        }
        try {
            URI from = new URI(referer);
            String page = from.getRawPath();
            String context = request.getContextPath();
            if (!request.getServerName().equalsIgnoreCase(from.getHost()) || page == null
                    || !page.startsWith(context + "/")) {
                return Optional.empty();
            }
            String path = page.substring(context.length());
            if (path.startsWith("//") || path.contains("\\")) {
                return Optional.empty();
            }
            String query = from.getRawQuery();
            return Optional.of(path + (query == null ? "" : "?" + query));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
