package org.clinic.appointments.web.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.clinic.appointments.infrastructure.config.AppConfig;

/**
 * How many rows an admin table may export: an export is built whole in the server's memory, so a table beyond the
 * limit offers no export (its buttons are disabled, which Faces also enforces on a forged request) and says why.
 */
@Named
@ApplicationScoped
public class ExportLimit {

    @Inject
    AppConfig config;

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
