package org.clinic.appointments.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.clinic.appointments.application.ClinicOverview;

/** The admin dashboard ({@code /admin/dashboard}), where admins land after login. */
@Named
@RequestScoped
public class DashboardBacking {

    @Inject
    ClinicOverview overview;

    private ClinicOverview.Figures figures;

    public ClinicOverview.Figures getFigures() {
        if (figures == null) {
            figures = overview.figures();
        }
        return figures;
    }
}
