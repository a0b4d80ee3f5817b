package org.clinic.appointments.web;

import org.omnifaces.util.Faces;

/** Answers shared by the pages. */
public final class Pages {

    private Pages() {
    }

    /** Answers 404 with the not-found page: for ids that do not exist and for other patients' records alike. */
    public static void notFound() {
        Faces.responseSendError(404, "Not found");
    }
}
