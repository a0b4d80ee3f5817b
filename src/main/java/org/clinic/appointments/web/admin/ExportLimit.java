package org.clinic.appointments.web.admin;

import java.util.function.IntSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.clinic.appointments.infrastructure.config.AppConfig;
import org.omnifaces.util.Faces;

/**
 * How many rows an admin table may export: an export is built whole in the server's memory, so a table beyond the
 * limit offers no export (its buttons are disabled, which Faces also enforces on a forged request) and says why.
 */
@Named
@ApplicationScoped
public class ExportLimit {

    @Inject
    AppConfig config;

    /** The rows a table's filters match, counted once per request whatever asks (the page, then the button). */
    static int rows(String table, IntSupplier count) {
        return Faces.getRequestAttribute(ExportLimit.class.getName() + "." + table, count::getAsInt);
    }

    public boolean allowsCsv(int rows) {
        return rows <= config.exportMaxRows();
    }

    /** Excel and PDF. */
    public boolean allowsDocument(int rows) {
        return rows <= config.exportMaxDocumentRows();
    }

    public int getMaxRows() {
        return config.exportMaxRows();
    }

    public int getMaxDocumentRows() {
        return config.exportMaxDocumentRows();
    }
}
