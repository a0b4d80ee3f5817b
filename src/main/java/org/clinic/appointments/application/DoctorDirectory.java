package org.clinic.appointments.application;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.port.AppointmentBook;

/** The clinic's doctors, for anyone to browse. */
@Stateless
@PermitAll
public class DoctorDirectory {

    @Inject
    AppointmentBook book;

    public List<Doctor> all() {
        return book.doctors();
    }

    public List<Doctor> search(String text) {
        return book.doctors().stream().filter(d -> d.matches(text)).toList();
    }

    /** Doctors whose name or specialization contains the text, of one specialization if one is given. */
    public List<Doctor> search(String text, String specialization) {
        boolean any = specialization == null || specialization.isBlank();
        return book.doctors().stream()
                .filter(d -> d.matches(text))
                .filter(d -> any || specialization.equalsIgnoreCase(d.getSpecialization()))
                .toList();
    }

    /** The specializations the clinic offers, in alphabetical order. */
    public List<String> specializations() {
        return book.doctors().stream().map(Doctor::getSpecialization).filter(s -> s != null && !s.isBlank())
                .distinct().sorted().toList();
    }

    public Optional<Doctor> find(String id) {
        return book.doctor(id);
    }
}
