package org.clinic.appointments.web.admin;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.clinic.appointments.application.Availability;
import org.clinic.appointments.application.DayAvailability;
import org.clinic.appointments.application.DoctorDirectory;
import org.clinic.appointments.application.FrontDesk;
import org.clinic.appointments.application.SlotView;
import org.clinic.appointments.application.WalkIn;
import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.BookingLimits;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.PhoneNumber;
import org.clinic.appointments.domain.SlotTakenException;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.web.ClinicTime;
import org.omnifaces.util.Messages;
import org.clinic.appointments.web.Texts;

/**
 * The front desk ({@code /admin/book}, {@code ?patient=} once chosen): find the patient or register a walk-in,
 * then book a free slot for them, paid at the clinic later or now.
 */
@Named
@ViewScoped
public class FrontDeskBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    FrontDesk desk;

    @Inject
    DoctorDirectory directory;

    @Inject
    Availability availability;

    private String patientId;
    private User patient;
    private String query;
    private List<User> found;
    private final WalkIn walkIn = new WalkIn();
    private String warnedPhone;

    /** The slot chosen on the timetable ({@code ?doctor=&date=&time=}), kept while the patient is found. */
    private final ChosenSlot chosen = new ChosenSlot();

    private String doctorId;
    private LocalDate date;
    private String time;
    private String reason;
    private boolean paidNow;
    private List<DayAvailability> days = List.of();
    private List<SlotView> slots = List.of();

    public void load() {
        patient = null;
        boolean chosenDoctorKnown = chosen.isGiven() && directory.findActive(chosen.getDoctor()).isPresent();
        if (chosen.isGiven() && !chosenDoctorKnown) {
            Messages.addGlobalWarn(directory.find(chosen.getDoctor()).isPresent() ? "desk.chosen.doctor_inactive"
                    : "desk.chosen.doctor_unknown");
        }
        if (patientId != null) {
            try {
                patient = desk.patient(patientId);
            } catch (BookingException unknown) {
                Messages.addGlobalWarn(unknown.getMessageKey());
                patientId = null;
            }
        }
        if (patient == null && chosenDoctorKnown && !chosenSlotFree()) {
            Messages.addGlobalWarn("desk.chosen.not_free", chosen.getTime(), ClinicTime.dayOf(chosen.date()));
        }
        if (patient != null && doctorId == null && chosenDoctorKnown) {
            takeChosenSlot();
        } else if (patient != null && doctorId == null && !getDoctors().isEmpty()) {
            doctorId = getDoctors().get(0).getId();
            doctorChanged();
        }
    }

    private boolean chosenSlotFree() {
        LocalDate asked = chosen.date();
        return bookable(availability.days(chosen.getDoctor()), asked)
                && free(availability.slots(chosen.getDoctor(), asked), chosen.getTime());
    }

    private void takeChosenSlot() {
        doctorId = chosen.getDoctor();
        days = availability.days(doctorId);
        LocalDate asked = chosen.date();
        if (bookable(days, asked)) {
            date = asked;
            slots = availability.slots(doctorId, date);
            if (free(slots, chosen.getTime())) {
                time = chosen.getTime();
                return;
            }
        } else {
            date = days.stream().filter(DayAvailability::isBookable).map(DayAvailability::date).findFirst().orElse(null);
        }
        dateChanged();
        Messages.addGlobalWarn("desk.chosen.gone", chosen.getTime(), ClinicTime.dayOf(asked));
    }

    private static boolean bookable(List<DayAvailability> days, LocalDate date) {
        return days.stream().anyMatch(d -> d.isBookable() && d.date().equals(date));
    }

    private static boolean free(List<SlotView> slots, String time) {
        return slots.stream().anyMatch(s -> s.isFree() && s.time().equals(time));
    }

    /** The chosen slot's doctor's name, or null when none was chosen or the doctor is unknown or off booking. */
    public String getChosenDoctorName() {
        return chosen.isGiven() ? directory.findActive(chosen.getDoctor()).map(Doctor::getName).orElse(null) : null;
    }

    public ChosenSlot getChosen() {
        return chosen;
    }

    public void search() {
        found = desk.findPatients(query);
    }

    public String registerWalkIn() {
        List<User> samePhone = desk.patientsWithPhone(walkIn.getPhone());
        if (!samePhone.isEmpty()) {
            found = samePhone;
            warnedPhone = walkIn.getPhone();
            Messages.addGlobalWarn("desk.walk_in.same_phone", samePhone.size(), walkIn.getPhone().strip());
            return null;
        }
        return register();
    }

    /** Registers the walk-in although patients with the same phone number were shown: someone else at that number. */
    public String registerWalkInAnyway() {
        return PhoneNumber.same(warnedPhone, walkIn.getPhone()) ? register() : registerWalkIn();
    }

    private String register() {
        try {
            User registered = desk.registerWalkIn(walkIn);
            Messages.addFlashGlobalInfo("desk.walk_in.done", registered.getName());
            return "/admin/book?faces-redirect=true&patient=" + registered.getId() + chosen.asParameters();
        } catch (BookingException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
            return null;
        }
    }

    /** Whether patients with the walk-in's phone number were shown, so that registering anyway is offered. */
    public boolean isSamePhoneShown() {
        return warnedPhone != null;
    }

    public void doctorChanged() {
        days = doctorId == null ? List.of() : availability.days(doctorId);
        date = days.stream().filter(DayAvailability::isBookable).map(DayAvailability::date).findFirst().orElse(null);
        dateChanged();
    }

    public void dateChanged() {
        slots = doctorId == null || date == null ? List.of() : availability.slots(doctorId, date);
        time = slots.stream().filter(SlotView::isFree).map(SlotView::time).findFirst().orElse(null);
    }

    public String book() {
        try {
            FrontDesk.DeskBooking booked = desk.book(patientId, doctorId, date, time, reason, paidNow);
            Appointment appointment = booked.appointment();
            Messages.addFlashGlobalInfo("desk.booked", appointment.getUserName(), appointment.getDoctorName(),
                    ClinicTime.dayOf(appointment.getDate()), appointment.getTime());
            booked.beyondLimit().ifPresent(limit -> Messages.addFlashGlobalWarn("desk.beyond_limit",
                    Texts.get(limit.getMessageKey().replace("booking.limit.", "desk.limit."),
                            limit.getArguments())));
            return "/admin/appointment?faces-redirect=true&id=" + appointment.getId();
        } catch (SlotTakenException e) {
            Messages.addGlobalError("booking.slot.just_taken", time);
        } catch (BookingException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
        dateChanged();
        return null;
    }

    public List<Appointment> getUpcoming() {
        return patient == null ? List.of() : desk.upcoming(patient.getId());
    }

    public BookingLimits getLimits() {
        return desk.limits();
    }

    /** The doctors the desk may book: those taken off booking are not offered. */
    public List<Doctor> getDoctors() {
        return directory.active();
    }

    public String getPatientId() {
        return patientId;
    }

    public void setPatientId(String patientId) {
        this.patientId = patientId;
    }

    public User getPatient() {
        return patient;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public List<User> getFound() {
        return found;
    }

    public WalkIn getWalkIn() {
        return walkIn;
    }

    public String getDoctorId() {
        return doctorId;
    }

    public void setDoctorId(String doctorId) {
        this.doctorId = doctorId;
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public String getTime() {
        return time;
    }

    public void setTime(String time) {
        this.time = time;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public boolean isPaidNow() {
        return paidNow;
    }

    public void setPaidNow(boolean paidNow) {
        this.paidNow = paidNow;
    }

    public List<DayAvailability> getDays() {
        return days;
    }

    public List<SlotView> getSlots() {
        return slots;
    }
}
