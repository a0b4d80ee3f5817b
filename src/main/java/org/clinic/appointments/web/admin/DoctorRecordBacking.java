package org.clinic.appointments.web.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;

import org.clinic.appointments.application.ClinicScheduling;
import org.clinic.appointments.application.DoctorDetails;
import org.clinic.appointments.application.DoctorDirectory;
import org.clinic.appointments.application.DoctorPhoto;
import org.clinic.appointments.application.DoctorRecords;
import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.DoctorChange;
import org.clinic.appointments.infrastructure.config.AppConfig;
import org.omnifaces.util.Messages;
import org.clinic.appointments.application.ClinicAdministration;

/**
 * One doctor's record ({@code /admin/doctor?id=}; without an id, a new doctor): details, fee, photo, whether they
 * see patients, and the record's changes.
 */
@Named
@ViewScoped
public class DoctorRecordBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DoctorRecords records;

    @Inject
    DoctorDirectory directory;

    @Inject
    ClinicScheduling scheduling;

    @Inject
    AppConfig config;

    @Inject
    ClinicAdministration administration;

    private java.util.Map<String, String> actorNames;

    private String id;
    private Doctor doctor;
    private DoctorDetails details = new DoctorDetails();
    private transient Part photo;

    public void load() {
        if (id == null) {
            return;
        }
        doctor = records.find(id).orElse(null);
        if (doctor == null) {
            Messages.addGlobalError("doctor.unknown");
        } else {
            details = DoctorDetails.of(doctor);
        }
    }

    /** Adds the doctor (then shows their page) or stores the fields changed. */
    public String save() {
        try {
            if (doctor == null && id == null) {
                Doctor added = records.add(details);
                Messages.addFlashGlobalInfo("doctor.added", added.getName());
                return "/admin/doctor?faces-redirect=true&id=" + added.getId();
            }
            if (doctor == null) {
                Messages.addGlobalError("doctor.unknown");
                return null;
            }
            Doctor edited = records.edit(doctor.getId(), details);
            boolean changed = edited.getHistory().size() != doctor.getHistory().size();
            boolean renamed = !edited.getName().equals(doctor.getName());
            doctor = edited;
            details = DoctorDetails.of(edited);
            Messages.addGlobalInfo(renamed ? "doctor.saved.renamed" : changed ? "doctor.saved" : "doctor.unchanged");
        } catch (BookingException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
        return null;
    }

    public void uploadPhoto() {
        if (doctor == null) {
            return;
        }
        try {
            doctor = records.setPhoto(doctor.getId(), uploaded());
            Messages.addGlobalInfo("doctor.photo.saved");
        } catch (BookingException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
    }

    /** At most one byte over the limit is read: enough to refuse a larger file. */
    private byte[] uploaded() {
        if (photo == null) {
            return new byte[0];
        }
        try (InputStream in = photo.getInputStream()) {
            return in.readNBytes(DoctorPhoto.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new BookingException("doctor.photo.unreadable", e);
        }
    }

    public void removePhoto() {
        if (doctor != null) {
            doctor = records.removePhoto(doctor.getId());
            Messages.addGlobalInfo("doctor.photo.removed");
        }
    }

    public boolean isActive() {
        return doctor != null && directory.isActive(doctor.getId());
    }

    public void setActive(boolean active) {
        try {
            scheduling.setDoctorActive(doctor.getId(), active);
            Messages.addGlobalInfo(active ? "schedule.doctor.reactivated" : "schedule.doctor.deactivated",
                    doctor.getName());
        } catch (BookingException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
    }

    /** The record's changes, newest first. */
    public List<DoctorChange> getChanges() {
        List<DoctorChange> changes = new java.util.ArrayList<>(doctor == null ? List.of() : doctor.getHistory());
        java.util.Collections.reverse(changes);
        return changes;
    }

    public String actorName(String actorId) {
        if (actorNames == null || !actorNames.containsKey(actorId)) {
            actorNames = administration.actorNames(getChanges().stream().map(DoctorChange::getActor).toList());
        }
        return actorNames.getOrDefault(actorId, actorId);
    }

    public String getClinicFee() {
        return config.consultationFee().toPlainString();
    }

    public List<String> getSpecializations() {
        return records.specializations();
    }

    public boolean isNew() {
        return doctor == null && id == null;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Doctor getDoctor() {
        return doctor;
    }

    public DoctorDetails getDetails() {
        return details;
    }

    public Part getPhoto() {
        return photo;
    }

    public void setPhoto(Part photo) {
        this.photo = photo;
    }
}
