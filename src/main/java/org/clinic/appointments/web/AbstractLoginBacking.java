package org.clinic.appointments.web;

import java.io.IOException;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.clinic.appointments.security.AppAuthenticationMechanism;
import org.clinic.appointments.security.LoginOutcome;
import org.clinic.appointments.security.Portal;
import org.omnifaces.util.Messages;

/** A login form for one portal: hands the credential to the authentication mechanism and lands the caller. */
public abstract class AbstractLoginBacking {

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext facesContext;

    @NotBlank(message = "{login.email.required}")
    @Size(max = 254, message = "{registration.email.size}")
    private String email;

    @NotBlank(message = "{login.password.required}")
    @Size(max = 128, message = "{login.password.size}")
    private String password;

    protected abstract Portal portal();

    public void login() throws IOException {
        ExternalContext external = facesContext.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        request.setAttribute(Portal.REQUEST_ATTRIBUTE, portal());
        request.getSession();
        request.changeSessionId();
        AuthenticationStatus status = securityContext.authenticate(request, response,
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(email, new Password(password)))
                        .newAuthentication(true));
        password = null;
        switch (status) {
            case SUCCESS -> {
                Messages.addFlashGlobalInfo("login.welcome");
                external.redirect(external.getRequestContextPath() + landingPath(request.getSession(false)));
            }
            case SEND_CONTINUE -> facesContext.responseComplete();
            default -> refused(request);
        }
    }

    private void refused(HttpServletRequest request) {
        ((HttpServletResponse) facesContext.getExternalContext().getResponse()).setStatus(HttpServletResponse.SC_OK);
        Object outcome = request.getAttribute(LoginOutcome.REQUEST_ATTRIBUTE);
        if (outcome == LoginOutcome.THROTTLED) {
            Messages.addGlobalError("login.throttled", request.getAttribute(LoginOutcome.RETRY_AFTER_ATTRIBUTE));
        } else if (outcome == LoginOutcome.SUSPENDED) {
            Messages.addGlobalError("login.suspended");
        } else if (outcome == LoginOutcome.WRONG_PORTAL) {
            Messages.addGlobalError(portal() == Portal.ADMIN ? "admin_login.not_admin" : "login.use_admin_login");
        } else {
            Messages.addGlobalError("login.failed");
        }
    }

    /** The page first asked for, if it lies in this portal's area; otherwise the portal's home. */
    private String landingPath(HttpSession session) {
        Object saved = session == null ? null : session.getAttribute(AppAuthenticationMechanism.CONTINUE_ATTRIBUTE);
        if (session != null) {
            session.removeAttribute(AppAuthenticationMechanism.CONTINUE_ATTRIBUTE);
        }
        if (saved instanceof String path && portal().owns(path) && !path.contains("//") && !path.contains("\\")) {
            return path;
        }
        return portal().landingPath();
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
