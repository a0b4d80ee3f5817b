package org.clinic.appointments.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.omnifaces.util.Exceptions;
import org.primefaces.csp.CspException;
import org.clinic.appointments.security.TrustedProxies;

/**
 * Headers every answer carries: no content-type guessing, no referrer to other sites, never inside a frame, no
 * camera, microphone, location, payment or USB access for any script, and
 * {@code Cache-Control: no-store} on everything but static resources; HSTS on HTTPS (also when a trusted proxy
 * says so, see {@link TrustedProxies}).
 * The Content-Security-Policy of pages comes from PrimeFaces (a fresh script nonce per page, see web.xml);
 * a form post that does not carry its page's nonce is answered as a bad request, not as a server error.
 * Mapped in web.xml, so it wraps every other filter. On WildFly, WEB-INF/undertow-handlers.conf sets the
 * same headers also on the answers sent before any filter runs (the login redirects of Jakarta Security).
 */
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(SecurityHeadersFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        HttpServletResponse answer = response;
        if (!isStaticResource(request)) {
            response.setHeader(CACHE_CONTROL, NO_STORE);
            answer = new NoStoreResponse(response);
        }
        try {
            chain.doFilter(request, answer);
        } catch (ServletException | RuntimeException e) {
            if (!isNonceMismatch(e) || response.isCommitted()) {
                throw e;
            }
            LOG.warning(() -> "Refused a post to " + request.getRequestURI() + " without its page's script nonce");
            PlainErrorPage.send(request, response, PlainError.NOT_FROM_ITS_PAGE);
        }
    }

    /** No page of the product uses these browser features, so no script on it may. */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    private static final String CACHE_CONTROL = "Cache-Control";
    private static final String NO_STORE = "no-store";

    /** Style sheets, scripts and images (and the icon's usual address): the only answers a browser or proxy may keep. */
    private static boolean isStaticResource(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/resources/") || path.startsWith("/jakarta.faces.resource/")
                || path.equals("/favicon.ico");
    }

    /**
     * Pages, exports and downloads hold health data: nothing downstream (PrimeFaces' exporters set their own
     * caching headers) may let a browser or proxy keep them.
     */
    private static final class NoStoreResponse extends jakarta.servlet.http.HttpServletResponseWrapper {

        NoStoreResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, CACHE_CONTROL.equalsIgnoreCase(name) ? NO_STORE : value);
        }

        @Override
        public void addHeader(String name, String value) {
            if (CACHE_CONTROL.equalsIgnoreCase(name)) {
                super.setHeader(CACHE_CONTROL, NO_STORE);
            } else {
                super.addHeader(name, value);
            }
        }
    }

    private static boolean isNonceMismatch(Throwable e) {
        return Exceptions.is(e, CspException.class);
    }
}
