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
import org.clinic.appointments.domain.ChargeReversals;
import org.clinic.appointments.domain.HistoryEntry;
import org.clinic.appointments.web.Pages;
import org.clinic.appointments.application.DayAvailability;
import org.clinic.appointments.application.SlotView;
import org.clinic.appointments.domain.SlotTakenException;
import org.clinic.appointments.domain.AppointmentStatus;
import org.clinic.appointments.application.Availability;
import org.clinic.appointments.domain.BookingException;

/** One appointment for an admin ({@code /admin/appointment?id=…}): every field, its history, its actions. */
@Named
@ViewScoped
public class AdminAppointmentBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ClinicAdministration administration;

    @Inject
    AdminActionRunner actions;

    @Inject
    Availability availability;

    private java.time.LocalDate moveDate;
    private String moveTime;
    private List<DayAvailability> moveDays;
    private List<SlotView> moveSlots = List.of();

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

    /** Whether the front desk may move it: awaiting payment or confirmed. */
    public boolean isMovable() {
        return appointment != null && (appointment.getStatus() == AppointmentStatus.CONFIRMED
                || appointment.getStatus() == AppointmentStatus.PENDING_PAYMENT);
    }

    public List<DayAvailability> getMoveDays() {
        if (moveDays == null && appointment != null) {
            moveDays = availability.days(appointment.getDoctorId());
        }
        return moveDays;
    }

    public void moveDateChanged() {
        moveSlots = moveDate == null ? List.of() : availability.slots(appointment.getDoctorId(), moveDate);
        moveTime = moveSlots.stream().filter(SlotView::isFree)
                .map(SlotView::time).findFirst().orElse(null);
    }

    public void move() {
        try {
            Appointment moved = administration.move(appointment.getId(), moveDate, moveTime);
            org.omnifaces.util.Messages.addGlobalInfo("admin.moved", moved.getUserName(), moved.getDate(), moved.getTime());
            moveDays = null;
            moveDate = null;
            moveSlots = List.of();
        } catch (SlotTakenException e) {
            org.omnifaces.util.Messages.addGlobalError("booking.slot.just_taken", moveTime);
        } catch (BookingException e) {
            org.omnifaces.util.Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
        load();
    }

    public java.time.LocalDate getMoveDate() {
        return moveDate;
    }

    public void setMoveDate(java.time.LocalDate moveDate) {
        this.moveDate = moveDate;
    }

    public String getMoveTime() {
        return moveTime;
    }

    public void setMoveTime(String moveTime) {
        this.moveTime = moveTime;
    }

    public List<SlotView> getMoveSlots() {
        return moveSlots;
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

    /** The charges the gateway gave back for this appointment (its refund, or charges never recorded). */
    public List<ChargeReversals.GivenBack> getChargesGivenBack() {
        return ChargeReversals.givenBack(appointment);
    }

    /** The charges the gateway still has to give back; the retry asks it again. */
    public List<String> getChargesOwed() {
        return ChargeReversals.owed(appointment);
    }

    public String actorName(String actorId) {
        return actorNames.getOrDefault(actorId, actorId);
    }

    public boolean isMailConfigured() {
        return administration.mailConfigured();
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
