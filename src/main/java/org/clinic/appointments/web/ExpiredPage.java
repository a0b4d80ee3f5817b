package org.clinic.appointments.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.clinic.appointments.security.SitePage;

/** The "page expired" page: where opening the page again leads. */
@Named
@RequestScoped
public class ExpiredPage {

    @Inject
    HttpServletRequest request;

    /** The page the expired form was on, with its query, or else the address the form was sent to. */
    public String getAgainUrl() {
        return request.getContextPath() + SitePage.formOf(request);
    }
}
