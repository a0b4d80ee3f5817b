package org.clinic.appointments;

import java.math.BigDecimal;
import java.time.Instant;

import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.Role;
import org.clinic.appointments.domain.User;

/** The doctor and the patient that tests without a server book with. */
public final class SampleRecords {

    private SampleRecords() {
    }

    /** "doc1", Dr. Asha Iyer, Cardiology, ₹700. */
    public static Doctor cardiologist() {
        Doctor doctor = new Doctor();
        doctor.setId("doc1");
        doctor.setName("Dr. Asha Iyer");
        doctor.setSpecialization("Cardiology");
        doctor.setFee(new BigDecimal("700"));
        return doctor;
    }

    /** "p1", Asha Rao, a patient registered at {@code createdAt}. */
    public static User patient(Instant createdAt) {
        User patient = new User();
        patient.setId("p1");
        patient.setName("Asha Rao");
        patient.setEmail("asha.rao@example.com");
        patient.setRole(Role.PATIENT);
        patient.setCreatedAt(createdAt);
        return patient;
    }
}
