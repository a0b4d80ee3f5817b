package org.clinic.appointments.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.clinic.appointments.security.SitePage;

/**
 * An error answer written without Faces, for requests Faces cannot read (an unreadable form post, a forged
 * nonce): the error pages of {@code /WEB-INF/errorpages} would read the same request again and fail. Like "page
 * expired", it leads back to the page the form was on.
 */
final class PlainErrorPage {

    private PlainErrorPage() {
    }

    static void send(HttpServletRequest request, HttpServletResponse response, PlainError error) throws IOException {
        PlainPage.send(request, response, error.status(), "error-" + error.status(), error.title(), error.text(),
                List.of(new PlainPage.Link("errorAgain", SitePage.formOf(request), Texts.get("error.expired.again")),
                        new PlainPage.Link("errorHome", "/", Texts.get("error.home"))));
    }
}
