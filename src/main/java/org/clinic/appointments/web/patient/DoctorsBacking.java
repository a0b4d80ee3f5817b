package org.clinic.appointments.web.patient;

import java.io.Serializable;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.clinic.appointments.application.DoctorDirectory;
import org.clinic.appointments.application.PlainText;
import org.clinic.appointments.domain.Doctor;

/** The doctor list ({@code /patient/doctors}): search as you type, filter by specialization. */
@Named
@ViewScoped
public class DoctorsBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int QUERY_MAX = 100;

    @Inject
    DoctorDirectory directory;

    @PlainText(max = QUERY_MAX, message = "{doctors.search.too_long}")
    private String query;
    private String specialization;

    public List<Doctor> getDoctors() {
        return directory.search(query, specialization);
    }

    public List<String> getSpecializations() {
        return directory.specializations();
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public String getSpecialization() {
        return specialization;
    }

    public void setSpecialization(String specialization) {
        this.specialization = specialization;
    }
}
