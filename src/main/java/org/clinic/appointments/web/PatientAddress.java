package org.clinic.appointments.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.clinic.appointments.domain.User;

/**
 * A patient's e-mail address as pages and exports show it: a patient registered at the front desk without one
 * has only a placeholder, which is never shown. {@code #{patientAddress.shown(a.userEmail)}}.
 */
@Named
@ApplicationScoped
public class PatientAddress {

    public String shown(String email) {
        return User.isWalkInAddress(email) ? Texts.get("patients.walk_in") : email;
    }

    public String exported(String email) {
        return User.isWalkInAddress(email) ? "" : email;
    }
}
