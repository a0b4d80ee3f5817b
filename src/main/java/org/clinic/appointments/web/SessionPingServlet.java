package org.clinic.appointments.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * "Stay signed in": a request that only touches the session, so it lasts its full time again. 204 while the session
 * lives, 410 once it has ended; it never starts one.
 */
@WebServlet(SessionPingServlet.PATH)
public class SessionPingServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    public static final String PATH = "/session/ping";

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(request.getSession(false) != null ? HttpServletResponse.SC_NO_CONTENT : HttpServletResponse.SC_GONE);
    }
}
