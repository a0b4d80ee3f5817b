package org.clinic.appointments.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.clinic.appointments.infrastructure.ledger.Ledger;
import org.clinic.appointments.security.Roles;

/** Headline figures of the clinic for its admins. */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class ClinicOverview {

    @Inject
    Ledger ledger;

    public Figures figures() {
        return new Figures(ledger.doctors().size(), ledger.userCount(), ledger.appointmentCount());
    }

    /** Counts shown on the dashboard. */
    public static final class Figures {
        private final int doctors;
        private final int accounts;
        private final int appointments;

        Figures(int doctors, int accounts, int appointments) {
            this.doctors = doctors;
            this.accounts = accounts;
            this.appointments = appointments;
        }

        public int getDoctors() {
            return doctors;
        }

        public int getAccounts() {
            return accounts;
        }

        public int getAppointments() {
            return appointments;
        }
    }
}
