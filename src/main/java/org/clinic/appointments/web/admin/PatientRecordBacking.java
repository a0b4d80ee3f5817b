package org.clinic.appointments.web.admin;

import java.io.Serializable;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.clinic.appointments.application.PatientRecords;
import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.User;
import org.omnifaces.util.Messages;

/** One patient ({@code /admin/patient?id=}): their details and appointments; suspend or reactivate them. */
@Named
@ViewScoped
public class PatientRecordBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PatientRecords records;

    private String id;
    private User patient;
    private List<Appointment> appointments = List.of();

    public void load() {
        patient = id == null ? null : records.find(id).orElse(null);
        if (patient == null) {
            Messages.addGlobalError("patients.unknown");
            return;
        }
        appointments = records.appointments(patient.getId());
    }

    public void suspend() {
        try {
            int released = records.suspend(patient.getId());
            Messages.addGlobalInfo("patients.suspended", patient.getName(), released);
        } catch (BookingException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
        load();
    }

    public void reactivate() {
        try {
            records.reactivate(patient.getId());
            Messages.addGlobalInfo("patients.reactivated", patient.getName());
        } catch (BookingException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
        load();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public User getPatient() {
        return patient;
    }

    public List<Appointment> getAppointments() {
        return appointments;
    }
}
