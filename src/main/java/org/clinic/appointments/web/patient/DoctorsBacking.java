package org.clinic.appointments.web.patient;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.clinic.appointments.application.DoctorDirectory;
import org.clinic.appointments.domain.Doctor;

/** The doctor list ({@code /patient/doctors}), where patients land after login. */
@Named
@RequestScoped
public class DoctorsBacking {

    @Inject
    DoctorDirectory directory;

    private List<Doctor> doctors;

    public List<Doctor> getDoctors() {
        if (doctors == null) {
            doctors = directory.all();
        }
        return doctors;
    }
}
