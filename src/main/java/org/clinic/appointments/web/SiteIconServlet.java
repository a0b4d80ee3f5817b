package org.clinic.appointments.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /favicon.ico}, which browsers, bookmarks and feed readers ask for without reading the page: a permanent
 * redirect to the site's icon instead of the not-found page.
 */
@WebServlet("/favicon.ico")
public class SiteIconServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String ICON = "/resources/images/favicon.svg";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
        response.setHeader("Location", request.getContextPath() + ICON);
    }
}
