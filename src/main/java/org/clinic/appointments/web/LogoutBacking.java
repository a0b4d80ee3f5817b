package org.clinic.appointments.web;

import java.io.IOException;
import java.util.logging.Logger;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import org.clinic.appointments.security.CurrentUser;

/** Logs out (a POST from the navigation bar or the log-out page) and returns to the home page. */
@Named
@RequestScoped
public class LogoutBacking {

    private static final Logger LOG = Logger.getLogger(LogoutBacking.class.getName());

    @Inject
    FacesContext facesContext;

    @Inject
    CurrentUser currentUser;

    /** The log-out page is for signed-in people; a visitor goes to the home page. */
    public void homeForVisitors() throws IOException {
        if (!currentUser.isLoggedIn()) {
            ExternalContext external = facesContext.getExternalContext();
            external.redirect(external.getRequestContextPath() + "/");
        }
    }

    public void logout() throws IOException {
        ExternalContext external = facesContext.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        try {
            request.logout();
        } catch (ServletException e) {
            LOG.warning(() -> "Logout: " + e.getMessage());
        }
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/?loggedOut=true");
    }
}
