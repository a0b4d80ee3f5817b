package org.clinic.appointments.web.admin;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.clinic.appointments.application.AppointmentNotFoundException;
import org.clinic.appointments.application.ClinicAdministration;
import org.clinic.appointments.domain.AdminAction;
import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.HistoryEntry;
import org.clinic.appointments.web.Pages;

/** One appointment for an admin ({@code /admin/appointment?id=…}): every field, its history, its actions. */
@Named
@ViewScoped
public class AdminAppointmentBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ClinicAdministration administration;

    @Inject
    AdminActionRunner actions;

    private String id;
    private Appointment appointment;
    private Map<String, String> actorNames;
    private String note;

    public void load() {
        try {
            appointment = administration.appointment(id);
            actorNames = administration.actorNames(appointment.getHistory().stream().map(HistoryEntry::getActor).toList());
        } catch (AppointmentNotFoundException e) {
            Pages.notFound();
        }
    }

    public void act(String appointmentId, String actionCode) {
        if (actions.run(appointmentId, actionCode, note) != null) {
            note = null;
        }
        load();
    }

    public Set<AdminAction> getAllowed() {
        return administration.actions(appointment);
    }

    /** Newest change first. */
    public List<HistoryEntry> getHistory() {
        List<HistoryEntry> newestFirst = new ArrayList<>(appointment.getHistory());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    public String actorName(String actorId) {
        return actorNames.getOrDefault(actorId, actorId);
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Appointment getAppointment() {
        return appointment;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
