package org.clinic.appointments.web.patient;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.clinic.appointments.application.BookingService;
import org.clinic.appointments.application.Rebooking;
import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.SlotTakenException;
import org.omnifaces.util.Messages;
import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.AppointmentStatus;
import org.clinic.appointments.domain.WaitRequest;
import org.clinic.appointments.application.DoctorDirectory;
import org.clinic.appointments.domain.ClinicRules;
import org.clinic.appointments.infrastructure.config.AppConfig;
import org.clinic.appointments.application.AppointmentNotFoundException;

/**
 * My appointments ({@code /patient/appointments}): upcoming ones, soonest first, and past ones, latest first.
 */
@Named
@RequestScoped
public class AppointmentsBacking {

    @Inject
    java.time.Clock clock;

    @Inject
    BookingService booking;

    @Inject
    AppConfig config;

    @Inject
    Rebooking rebooking;

    @Inject
    DoctorDirectory directory;

    /** A place on a doctor's waitlist, with the doctor's name. */
    public record Place(WaitRequest request, String doctorName) {
    }

    private List<Appointment> waitlistOffers;
    private List<Place> waitlist;

    /** An appointment the clinic cancelled for a doctor's leave, with the slots offered in its place. */
    public record RebookOffer(Appointment cancelled, List<Rebooking.Offer> slots) {
    }

    private List<RebookOffer> offers;

    private List<Appointment> upcoming;
    private List<Appointment> past;

    @PostConstruct
    void load() {
        ClinicRules rules = config.rules();
        Instant now = clock.instant();
        List<Appointment> all = booking.mine();
        Comparator<Appointment> byStart = Comparator.comparing(rules::startOf);
        upcoming = all.stream().filter(a -> rules.startOf(a).isAfter(now)).sorted(byStart).toList();
        past = all.stream().filter(a -> !rules.startOf(a).isAfter(now)).sorted(byStart.reversed()).toList();
        offers = all.stream().filter(Appointment::isRebookOpen).sorted(byStart)
                .map(a -> new RebookOffer(a, rebooking.offers(a))).toList();
        waitlistOffers = upcoming.stream().filter(a -> a.isWaitlistOffer()
                && a.getStatus() == AppointmentStatus.PENDING_PAYMENT && a.holdsSlot(now)).toList();
        waitlist = booking.myWaitlist().stream().map(w -> new Place(w,
                directory.find(w.getDoctorId()).map(d -> d.getName()).orElse(w.getDoctorId()))).toList();
    }

    public List<Appointment> getWaitlistOffers() {
        return waitlistOffers;
    }

    public List<Place> getWaitlist() {
        return waitlist;
    }

    /** When an offer stops being held, as the clinic's clock reads. */
    public String heldUntil(Appointment offer) {
        return DateTimeFormatter.ofPattern("HH:mm").format(offer.getHoldExpiresAt().atZone(config.zone()));
    }

    /** Lets an offered slot go: it passes to the next patient waiting. */
    public String decline(String appointmentId) {
        try {
            booking.cancel(appointmentId);
            Messages.addFlashGlobalInfo("waitlist.declined");
        } catch (BookingException e) {
            Messages.addFlashGlobalError(e.getMessageKey(), e.getArguments());
        }
        return "/patient/appointments?faces-redirect=true";
    }

    public String leave(String placeId) {
        try {
            booking.leaveWaitlist(placeId);
            Messages.addFlashGlobalInfo("waitlist.left");
        } catch (BookingException e) {
            Messages.addFlashGlobalError(e.getMessageKey(), e.getArguments());
        }
        return "/patient/appointments?faces-redirect=true";
    }

    public List<RebookOffer> getOffers() {
        return offers;
    }

    /** Takes an offered slot in place of the cancelled appointment; shows the new one. */
    public String take(String cancelledId, String doctorId, java.time.LocalDate date, String time) {
        try {
            Appointment moved = rebooking.take(cancelledId, doctorId, date, time);
            Messages.addFlashGlobalInfo("rebook.done", moved.getDoctorName(), moved.getDate(), moved.getTime());
            return "/patient/appointment?faces-redirect=true&id=" + moved.getId();
        } catch (SlotTakenException e) {
            Messages.addGlobalError("booking.slot.just_taken", time);
        } catch (AppointmentNotFoundException e) {
            Messages.addGlobalError("rebook.not_open");
        } catch (BookingException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
        load();
        return null;
    }

    public List<Appointment> getUpcoming() {
        return upcoming;
    }

    public List<Appointment> getPast() {
        return past;
    }
}
