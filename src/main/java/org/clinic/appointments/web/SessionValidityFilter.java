package org.clinic.appointments.web;

import java.io.IOException;
import java.time.Instant;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.clinic.appointments.domain.User;
import org.clinic.appointments.security.AppAuthenticationMechanism;
import org.clinic.appointments.security.CurrentUser;
import org.clinic.appointments.security.Portal;
import org.omnifaces.util.Servlets;

/**
 * Ends a session its account no longer accepts (one that signed in before the password was reset): the person is
 * logged out and sent to the login page of the area they were in.
 */
public class SessionValidityFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SessionValidityFilter.class.getName());

    @Inject
    CurrentUser currentUser;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() != null) {
            HttpSession session = request.getSession(false);
            Instant signedInAt = session == null ? null
                    : (Instant) session.getAttribute(AppAuthenticationMechanism.SIGNED_IN_AT);
            User user = currentUser.get().orElse(null);
            if (user != null && !user.sessionValid(signedInAt)) {
                LOG.info(() -> "Session of user " + user.getId() + " ended: it signed in before the password was reset");
                request.logout();
                if (session != null) {
                    session.invalidate();
                }
                String path = request.getRequestURI().substring(request.getContextPath().length());
                Servlets.facesRedirect(request, response, request.getContextPath() + Portal.forPath(path).loginPath());
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
