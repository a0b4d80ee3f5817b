package org.clinic.appointments.application;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.infrastructure.ledger.Ledger;

/** The clinic's doctors, for anyone to browse. */
@Stateless
@PermitAll
public class DoctorDirectory {

    @Inject
    Ledger ledger;

    public List<Doctor> all() {
        return ledger.doctors();
    }

    public List<Doctor> search(String text) {
        return ledger.doctors().stream().filter(d -> d.matches(text)).toList();
    }

    public Optional<Doctor> find(String id) {
        return ledger.doctor(id);
    }
}
