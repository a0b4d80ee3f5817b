package org.clinic.appointments.web;

import jakarta.servlet.http.HttpServletResponse;

/** The refusals answered by a {@link PlainErrorPage}, each with its status and its texts in the bundle. */
enum PlainError {

    /** A body over {@code appointments.max-request-bytes}. */
    TOO_LARGE(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "error.too_large"),
    /** A request whose parameters cannot be read: bytes that are not UTF-8, too many fields. */
    UNREADABLE(HttpServletResponse.SC_BAD_REQUEST, "error.unreadable"),
    /** A form post without its page's script nonce. */
    NOT_FROM_ITS_PAGE(HttpServletResponse.SC_BAD_REQUEST, "error.not_from_its_page");

    private final int status;
    private final String key;

    PlainError(int status, String key) {
        this.status = status;
        this.key = key;
    }

    int status() {
        return status;
    }

    String title() {
        return Texts.get(key + ".title");
    }

    String text() {
        return Texts.get(key + ".text");
    }
}
