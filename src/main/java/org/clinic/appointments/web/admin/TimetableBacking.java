package org.clinic.appointments.web.admin;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.clinic.appointments.application.Availability;
import org.clinic.appointments.application.ClinicAdministration;
import org.clinic.appointments.application.DoctorDirectory;
import org.clinic.appointments.application.TimetableSlot;
import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.infrastructure.config.AppConfig;
import org.clinic.appointments.web.DateParameter;
import org.clinic.appointments.web.Texts;
import org.omnifaces.util.Messages;
import org.clinic.appointments.domain.WaitlistPlace;
import org.clinic.appointments.domain.ClosedDay;

/** One doctor's day, slot by slot ({@code /admin/timetable?doctor=…&date=…}). */
@Named
@ViewScoped
public class TimetableBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Clock clock;

    @Inject
    ClinicAdministration administration;

    @Inject
    DoctorDirectory directory;

    @Inject
    Availability availability;

    @Inject
    AdminActionRunner actions;

    @Inject
    AppConfig config;

    private String doctor;
    private String date;
    private Doctor chosenDoctor;
    private LocalDate day;
    private List<TimetableSlot> slots;
    private List<Appointment> cancelled;
    private List<WaitlistPlace> waitlist;
    private ClosedDay closed;

    /** Reads doctor and date from the URL; the first doctor and today when missing or unreadable. */
    public void load() {
        List<Doctor> doctors = directory.all();
        chosenDoctor = directory.find(doctor).orElse(doctors.isEmpty() ? null : doctors.get(0));
        if (doctor != null && !doctor.isBlank() && (chosenDoctor == null || !chosenDoctor.getId().equals(doctor))) {
            Messages.addGlobalWarn("timetable.doctor.unknown");
        }
        day = config.rules().today(clock.instant());
        LocalDate asked = DateParameter.parse(date);
        if (asked != null) {
            day = asked;
        }
        doctor = chosenDoctor == null ? null : chosenDoctor.getId();
        date = day.toString();
        refresh();
    }

    private void refresh() {
        if (chosenDoctor == null) {
            slots = List.of();
            cancelled = List.of();
            waitlist = List.of();
            closed = null;
            return;
        }
        closed = availability.closedDay(chosenDoctor.getId(), day).orElse(null);
        waitlist = administration.waitlist(chosenDoctor.getId(), day);
        slots = administration.timetable(chosenDoctor.getId(), day);
        cancelled = administration.cancelledOn(chosenDoctor.getId(), day);
    }

    public String show() {
        return "/admin/timetable?faces-redirect=true&doctor=" + java.net.URLEncoder.encode(doctor == null ? "" : doctor,
                java.nio.charset.StandardCharsets.UTF_8) + "&date=" + java.net.URLEncoder.encode(
                date == null ? "" : date, java.nio.charset.StandardCharsets.UTF_8);
    }

    public void act(String appointmentId, String actionCode) {
        actions.run(appointmentId, actionCode, null);
        refresh();
    }

    public List<Doctor> getDoctors() {
        return directory.all();
    }

    public Doctor getChosenDoctor() {
        return chosenDoctor;
    }

    public LocalDate getDay() {
        return day;
    }

    public String getPreviousDay() {
        return day.minusDays(1).toString();
    }

    public String getNextDay() {
        return day.plusDays(1).toString();
    }

    /** Why the table has no slots, for its empty message; the product's own words, never the widget's. */
    public String getEmptyText() {
        if (closed == null || chosenDoctor == null) {
            return Texts.get("timetable.no_slots");
        }
        return Texts.get("timetable.closed." + closed.why().code(), chosenDoctor.getName(), closed.detail());
    }

    public List<TimetableSlot> getSlots() {
        return slots;
    }

    public List<WaitlistPlace> getWaitlist() {
        return waitlist;
    }

    /** When a place was taken, as the clinic's clock reads. */
    public String joined(WaitlistPlace place) {
        return java.time.format.DateTimeFormatter.ofPattern("d MMM HH:mm")
                .format(place.request().getJoinedAt().atZone(config.zone()));
    }

    public List<Appointment> getCancelled() {
        return cancelled;
    }

    public String getDoctor() {
        return doctor;
    }

    public void setDoctor(String doctor) {
        this.doctor = doctor;
    }

    public String getDate() {
        return date;
    }

    public void setDate(String date) {
        this.date = date;
    }
}
