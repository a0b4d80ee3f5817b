package org.clinic.appointments.web.admin;

import java.io.Serializable;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.clinic.appointments.application.DoctorDirectory;
import org.clinic.appointments.application.DoctorRecords;
import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.infrastructure.config.AppConfig;
import org.omnifaces.util.Messages;

/** The clinic's doctors ({@code /admin/doctors}), active or not, and the specializations they are chosen from. */
@Named
@ViewScoped
public class DoctorListBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DoctorRecords records;

    @Inject
    DoctorDirectory directory;

    @Inject
    AppConfig config;

    private List<Doctor> doctors;
    private List<String> specializations;
    private String newSpecialization;

    public List<Doctor> getDoctors() {
        if (doctors == null) {
            doctors = records.all();
        }
        return doctors;
    }

    public boolean isActive(Doctor doctor) {
        return directory.isActive(doctor.getId());
    }

    public java.math.BigDecimal fee(Doctor doctor) {
        return doctor.feeOr(config.consultationFee());
    }

    public List<String> getSpecializations() {
        if (specializations == null) {
            specializations = records.specializations();
        }
        return specializations;
    }

    public void addSpecialization() {
        try {
            specializations = records.addSpecialization(newSpecialization);
            Messages.addGlobalInfo("specialization.added", newSpecialization.strip());
            newSpecialization = null;
        } catch (BookingException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
    }

    public void removeSpecialization(String name) {
        try {
            specializations = records.removeSpecialization(name);
            Messages.addGlobalInfo("specialization.removed", name);
        } catch (BookingException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
    }

    public String getNewSpecialization() {
        return newSpecialization;
    }

    public void setNewSpecialization(String newSpecialization) {
        this.newSpecialization = newSpecialization;
    }
}
