package org.clinic.appointments.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.clinic.appointments.application.AppointmentNotFoundException;
import org.clinic.appointments.application.ClinicAdministration;
import org.clinic.appointments.domain.AdminAction;
import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.BookingException;
import org.omnifaces.util.Messages;

/** Runs an admin action from any admin page and says what happened. */
@Named
@RequestScoped
public class AdminActionRunner {

    @Inject
    ClinicAdministration administration;

    /** Takes the action; answers the changed appointment, or null after telling the admin why not. */
    public Appointment run(String appointmentId, String actionCode, String note) {
        AdminAction action;
        try {
            action = AdminAction.fromCode(actionCode);
        } catch (IllegalArgumentException unknown) {
            Messages.addGlobalError("admin.action.unknown");
            return null;
        }
        try {
            Appointment changed = administration.act(appointmentId, action, note);
            Messages.addGlobalInfo("admin.done." + action.code(), changed.getUserName(), changed.getDate(),
                    changed.getTime());
            return changed;
        } catch (AppointmentNotFoundException e) {
            Messages.addGlobalError("admin.appointment.unknown");
        } catch (BookingException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
        return null;
    }
}
