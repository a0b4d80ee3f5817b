package org.clinic.appointments.web.patient;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;

import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.clinic.appointments.application.AppointmentNotFoundException;
import org.clinic.appointments.application.Availability;
import org.clinic.appointments.application.BookingService;
import org.clinic.appointments.domain.VisitReason;
import org.clinic.appointments.application.DayAvailability;
import org.clinic.appointments.application.DoctorDirectory;
import org.clinic.appointments.application.PlainText;
import org.clinic.appointments.application.SlotView;
import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.SlotTakenException;
import org.clinic.appointments.web.Pages;
import org.clinic.appointments.web.Texts;
import org.omnifaces.util.Messages;
import org.clinic.appointments.domain.ClosedDay;

/**
 * The booking page ({@code /patient/book?doctor=…}): the horizon's days with their badges, the chosen day's
 * slots and a reason. With {@code ?reschedule=…} it moves an existing appointment instead.
 */
@Named
@ViewScoped
public class BookingBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DoctorDirectory directory;

    @Inject
    Availability availability;

    @Inject
    BookingService booking;

    private String doctorId;
    private String rescheduleId;
    private String requestedDate;
    private Doctor doctor;
    private Appointment rescheduling;
    private List<DayAvailability> days = List.of();
    private transient List<DayLink> dayLinks;
    private LocalDate date;
    private List<SlotView> slots = List.of();
    private transient List<SelectItem> slotItems;
    private String time;
    private LocalDate waitFrom;
    private LocalDate waitTo;
    @PlainText(max = VisitReason.MAX_LENGTH, multiline = true, message = "{booking.reason.too_long}")
    private String reason;

    public void load() {
        if (rescheduleId != null) {
            try {
                rescheduling = booking.find(rescheduleId);
            } catch (AppointmentNotFoundException e) {
                Pages.notFound();
                return;
            }
            doctorId = rescheduling.getDoctorId();
        }
        doctor = directory.findActive(doctorId).orElse(null);
        if (doctor == null) {
            Pages.notFound();
            return;
        }
        refresh();
        date = requested().orElseGet(() -> firstDay(DayAvailability::isBookable)
                .or(() -> firstDay(DayAvailability::isWorking)).orElse(days.isEmpty() ? null : days.get(0).date()));
        loadSlots();
        waitFrom = date;
        waitTo = date;
    }

    /** Puts the patient on this doctor's waitlist for the days chosen; My appointments then lists the place. */
    public String joinWaitlist() {
        if (waitFrom == null || waitTo == null) {
            Messages.addGlobalError("waitlist.dates.required");
            return null;
        }
        try {
            booking.joinWaitlist(doctor.getId(), waitFrom, waitTo);
        } catch (BookingException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
            return null;
        }
        Messages.addFlashGlobalInfo("waitlist.joined", doctor.getName());
        return "/patient/appointments?faces-redirect=true";
    }

    public LocalDate getWaitFrom() {
        return waitFrom;
    }

    public void setWaitFrom(LocalDate waitFrom) {
        this.waitFrom = waitFrom;
    }

    public LocalDate getWaitTo() {
        return waitTo;
    }

    public void setWaitTo(LocalDate waitTo) {
        this.waitTo = waitTo;
    }

    /** The day asked for in the URL when it is one of the days shown; otherwise none, with a message. */
    private java.util.Optional<LocalDate> requested() {
        if (requestedDate == null) {
            return java.util.Optional.empty();
        }
        LocalDate asked = LocalDate.parse(requestedDate);
        if (days.stream().anyMatch(d -> d.date().equals(asked))) {
            return java.util.Optional.of(asked);
        }
        Messages.addGlobalWarn("book.date.unavailable");
        return java.util.Optional.empty();
    }

    private java.util.Optional<LocalDate> firstDay(java.util.function.Predicate<DayAvailability> which) {
        return days.stream().filter(which).map(DayAvailability::date).findFirst();
    }

    private void refresh() {
        days = availability.days(doctor.getId());
        dayLinks = null;
    }

    private void loadSlots() {
        slots = date == null ? List.of() : availability.slots(doctor.getId(), date);
        slotItems = null;
    }

    public String submit() {
        try {
            if (rescheduling != null) {
                booking.reschedule(rescheduling.getId(), date, time);
                Messages.addFlashGlobalInfo("appointment.rescheduled", date, time);
                return "/patient/appointment?faces-redirect=true&id=" + rescheduling.getId();
            }
            Appointment held = booking.hold(doctor.getId(), date, time, reason);
            return "/patient/pay?faces-redirect=true&id=" + held.getId();
        } catch (SlotTakenException e) {
            Messages.addGlobalError("booking.slot.just_taken", time);
        } catch (BookingException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
        refresh();
        loadSlots();
        time = null;
        return null;
    }

    public boolean isRescheduling() {
        return rescheduling != null;
    }

    public Appointment getAppointmentToMove() {
        return rescheduling;
    }

    public String getDoctorId() {
        return doctorId;
    }

    public void setDoctorId(String doctorId) {
        this.doctorId = doctorId;
    }

    public String getRequestedDate() {
        return requestedDate;
    }

    public void setRequestedDate(String requestedDate) {
        this.requestedDate = requestedDate;
    }

    public String getRescheduleId() {
        return rescheduleId;
    }

    public void setRescheduleId(String rescheduleId) {
        this.rescheduleId = rescheduleId;
    }

    public Doctor getDoctor() {
        return doctor;
    }

    public List<DayAvailability> getDays() {
        return days;
    }

    /** The days as the page links them; worked out at the first call of a request's rendering. */
    public List<DayLink> getDayLinks() {
        if (dayLinks == null) {
            jakarta.faces.context.FacesContext faces = jakarta.faces.context.FacesContext.getCurrentInstance();
            String page = faces.getExternalContext().getRequestContextPath() + "/patient/book";
            boolean moving = rescheduling != null;
            java.util.Locale locale = faces.getViewRoot().getLocale();
            dayLinks = days.stream().map(day -> DayLink.of(day, date, moving, page, moving ? "reschedule" : "doctor",
                    moving ? rescheduleId : doctorId, locale)).toList();
        }
        return dayLinks;
    }

    public LocalDate getDate() {
        return date;
    }

    /**
     * The slots as the time choice offers them, labelled once each time the slots are read: a taken or passed one
     * says so and cannot be chosen. The choice checks a posted time against these items.
     */
    public List<SelectItem> getSlotItems() {
        if (slotItems == null) {
            slotItems = slots.stream().map(slot -> choice(slot, Texts::get)).toList();
        }
        return slotItems;
    }

    static SelectItem choice(SlotView slot, UnaryOperator<String> texts) {
        String label = slot.isFree() ? slot.time() : slot.time() + " · " + texts.apply("slot." + slot.getState());
        return new SelectItem(slot.time(), label, null, !slot.isFree());
    }

    public boolean isAnySlotFree() {
        return slots.stream().anyMatch(SlotView::isFree);
    }

    /** Whether the doctor sees patients on the chosen day, so a full one has a waitlist. */
    public boolean isDayWorked() {
        return days.stream().anyMatch(day -> day.date().equals(date) && day.isWorking());
    }

    /** Why the chosen day has no slots: the clinic's holiday (its name), the doctor's leave, or their week. */
    public String getNotWorkedText() {
        java.util.Optional<ClosedDay> closed = date == null ? java.util.Optional.empty()
                : availability.closedDay(doctor.getId(), date);
        String why = closed.map(c -> c.why().code()).orElse(ClosedDay.Why.NOT_WORKED.code());
        return Texts.get("book.slots.closed." + why, doctor.getName(), closed.map(c -> c.detail()).orElse(""));
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

    public int getReasonMax() {
        return VisitReason.MAX_LENGTH;
    }
}
