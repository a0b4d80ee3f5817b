package org.clinic.appointments.security;

import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.omnifaces.util.Servlets;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.domain.port.AppointmentBook;

/**
 * Form login through the two login pages. The page hands the credential over with
 * {@code SecurityContext.authenticate}; this mechanism checks it, throttles guessing, admits only the page's own
 * role, and keeps the caller in the session. An anonymous request for a protected page is sent to the login page of
 * its area (an ajax one by the redirect the browser's ajax code follows) and comes back there after login.
 */
@ApplicationScoped
@AutoApplySession
public class AppAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Session attribute: the page first asked for, to return to after login. */
    public static final String CONTINUE_ATTRIBUTE = AppAuthenticationMechanism.class.getName() + ".continue";

    private static final Logger LOG = Logger.getLogger(AppAuthenticationMechanism.class.getName());

    @Inject
    LedgerIdentityStore identityStore;

    @Inject
    LoginThrottle throttle;

    @Inject
    DeviceMarks devices;

    @Inject
    AppointmentBook book;

    /** The session attribute with the instant its user signed in (see {@code User#sessionValid}). */
    public static final String SIGNED_IN_AT = "appointments.signedInAt";

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential instanceof UsernamePasswordCredential login) {
            return login(request, response, context, login);
        }
        if (context.isProtected() && context.getCallerPrincipal() == null) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            SitePage.of(request).ifPresent(page -> request.getSession().setAttribute(CONTINUE_ATTRIBUTE, page));
            String loginPage = request.getContextPath() + Portal.forPath(path).loginPath();
            if (Servlets.isFacesAjaxRequest(request)) {
                Servlets.facesRedirect(request, response, loginPage);
                return AuthenticationStatus.SEND_CONTINUE;
            }
            return context.redirect(loginPage);
        }
        return context.doNothing();
    }

    private AuthenticationStatus login(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context, UsernamePasswordCredential login) {
        Portal portal = request.getAttribute(Portal.REQUEST_ATTRIBUTE) instanceof Portal p ? p : Portal.PATIENT;
        String email = login.getCaller();
        String address = request.getRemoteAddr();
        LoginThrottle.Reservation reservation = throttle.reserve(email, address, devices.isKnown(request, email));
        Optional<LoginThrottle.Attempt> attempt = reservation.granted();
        if (attempt.isEmpty()) {
            request.setAttribute(LoginOutcome.REQUEST_ATTRIBUTE, LoginOutcome.THROTTLED);
            request.setAttribute(LoginOutcome.RETRY_AFTER_ATTRIBUTE, Math.max(1, reservation.retryAfter().toSeconds()));
            return AuthenticationStatus.SEND_FAILURE;
        }
        CredentialValidationResult result;
        try {
            result = identityStore.validate(login);
        } catch (RuntimeException e) {
            attempt.get().failed();
            throw e;
        }
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            attempt.get().failed();
            LOG.info(() -> "Failed " + portal.name().toLowerCase() + " login from " + address);
            request.setAttribute(LoginOutcome.REQUEST_ATTRIBUTE, LoginOutcome.BAD_CREDENTIALS);
            return AuthenticationStatus.SEND_FAILURE;
        }
        attempt.get().succeeded();
        devices.remember(request, response, email);
        if (book.user(result.getCallerPrincipal().getName()).map(User::isSuspended).orElse(false)) {
            LOG.info(() -> "Login of suspended user " + result.getCallerPrincipal().getName() + " refused");
            request.setAttribute(LoginOutcome.REQUEST_ATTRIBUTE, LoginOutcome.SUSPENDED);
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (!result.getCallerGroups().contains(portal.role().name())) {
            request.setAttribute(LoginOutcome.REQUEST_ATTRIBUTE, LoginOutcome.WRONG_PORTAL);
            return AuthenticationStatus.SEND_FAILURE;
        }
        request.setAttribute(LoginOutcome.REQUEST_ATTRIBUTE, LoginOutcome.SUCCESS);
        request.getSession().setAttribute(SIGNED_IN_AT, java.time.Instant.now());
        LOG.info(() -> "Login of user " + result.getCallerPrincipal().getName() + " at the " + portal.name().toLowerCase()
                + " portal");
        return context.notifyContainerAboutLogin(result);
    }
}
