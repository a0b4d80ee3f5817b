package org.clinic.appointments.application;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.port.AppointmentBook;

/** The clinic's doctors: patients see those who see patients; admins see all. */
@Stateless
@PermitAll
public class DoctorDirectory {

    @Inject
    AppointmentBook book;

    /** Every doctor, active or not (for admins). */
    public List<Doctor> all() {
        return book.doctors();
    }

    /** The doctors who see patients. */
    public List<Doctor> active() {
        var schedule = book.schedule();
        return book.doctors().stream().filter(d -> schedule.isActive(d.getId())).toList();
    }

    public boolean isActive(String id) {
        return book.schedule().isActive(id);
    }

    public List<Doctor> search(String text) {
        return active().stream().filter(d -> d.matches(text)).toList();
    }

    /** Doctors whose name or specialization contains the text, of one specialization if one is given. */
    public List<Doctor> search(String text, String specialization) {
        boolean any = specialization == null || specialization.isBlank();
        return active().stream()
                .filter(d -> d.matches(text))
                .filter(d -> any || specialization.equalsIgnoreCase(d.getSpecialization()))
                .toList();
    }

    /** The specializations the clinic offers, in alphabetical order. */
    public List<String> specializations() {
        return active().stream().map(Doctor::getSpecialization).filter(s -> s != null && !s.isBlank())
                .distinct().sorted().toList();
    }

    public Optional<Doctor> find(String id) {
        return book.doctor(id);
    }

    /** A doctor's kept photo, by its name. */
    public Optional<DoctorPhoto> photo(String name) {
        if (!DoctorPhoto.isName(name)) {
            return Optional.empty();
        }
        return book.photo(name).map(bytes -> new DoctorPhoto(name, bytes));
    }

    /** The doctor, when they see patients (the patient pages' view of a doctor). */
    public Optional<Doctor> findActive(String id) {
        return book.doctor(id).filter(d -> isActive(d.getId()));
    }
}
