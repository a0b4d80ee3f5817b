package org.clinic.appointments.web.patient;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.clinic.appointments.application.AppointmentNotFoundException;
import org.clinic.appointments.application.BookingService;
import org.clinic.appointments.application.DoctorDirectory;
import org.clinic.appointments.application.Rebooking;
import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.AppointmentStatus;
import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.ClinicRules;
import org.clinic.appointments.domain.PaymentStatus;
import org.clinic.appointments.domain.SlotTakenException;
import org.clinic.appointments.infrastructure.config.AppConfig;
import org.omnifaces.util.Messages;

/**
 * The offers on My appointments ({@code /patient/appointments}): new times for an appointment the clinic cancelled
 * for a doctor's leave, slots offered from a waitlist, and the patient's places on waitlists. They are kept as the
 * page showed them, so each button acts on what it showed even when the offers moved on meanwhile.
 */
@Named
@ViewScoped
public class AppointmentOffersBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String LIST = "/patient/appointments?faces-redirect=true";

    @Inject
    Clock clock;

    @Inject
    BookingService booking;

    @Inject
    AppConfig config;

    @Inject
    Rebooking rebooking;

    @Inject
    DoctorDirectory directory;

    @Inject
    AppointmentsBacking page;

    /** An appointment the clinic cancelled for a doctor's leave, with the times offered in its place. */
    public record RebookOffer(String cancelledId, String doctorName, LocalDate date, String time, boolean refunded,
            List<Rebooking.Offer> slots) implements Serializable {
    }

    /** A freed slot held for the patient from a waitlist, until {@code heldUntil} (the clinic's clock). */
    public record WaitlistOffer(String id, String doctorName, LocalDate date, String time, String heldUntil)
            implements Serializable {
    }

    /** A place on a doctor's waitlist for a day or a range of days. */
    public record Place(String id, String doctorName, LocalDate from, LocalDate to) implements Serializable {
    }

    private List<RebookOffer> rebookOffers;
    private List<WaitlistOffer> waitlistOffers;
    private List<Place> waitlist;

    @PostConstruct
    void load() {
        ClinicRules rules = config.rules();
        Instant now = clock.instant();
        List<Appointment> mine = page.all();
        DateTimeFormatter clock24 = DateTimeFormatter.ofPattern("HH:mm");
        rebookOffers = mine.stream().filter(Appointment::isRebookOpen).sorted(Comparator.comparing(rules::startOf))
                .map(a -> new RebookOffer(a.getId(), a.getDoctorName(), a.getDate(), a.getTime(),
                        a.getPaymentStatus() == PaymentStatus.REFUNDED, List.copyOf(rebooking.offers(a))))
                .toList();
        waitlistOffers = mine.stream().filter(a -> a.isWaitlistOffer()
                && a.getStatus() == AppointmentStatus.PENDING_PAYMENT && a.holdsSlot(now)
                && rules.startOf(a).isAfter(now)).sorted(Comparator.comparing(rules::startOf))
                .map(a -> new WaitlistOffer(a.getId(), a.getDoctorName(), a.getDate(), a.getTime(),
                        clock24.format(a.getHoldExpiresAt().atZone(config.zone()))))
                .toList();
        waitlist = booking.myWaitlist().stream().map(w -> new Place(w.getId(),
                directory.find(w.getDoctorId()).map(d -> d.getName()).orElse(w.getDoctorId()), w.getFrom(), w.getTo()))
                .toList();
    }

    public List<RebookOffer> getRebookOffers() {
        return rebookOffers;
    }

    public List<WaitlistOffer> getWaitlistOffers() {
        return waitlistOffers;
    }

    public List<Place> getWaitlist() {
        return waitlist;
    }

    /** Takes the time the button showed in place of the cancelled appointment; shows the new one. */
    public String take(RebookOffer offer, Rebooking.Offer chosen) {
        try {
            Appointment moved = rebooking.take(offer.cancelledId(), chosen.slot().doctorId(), chosen.slot().date(),
                    chosen.slot().time());
            Messages.addFlashGlobalInfo("rebook.done", moved.getDoctorName(), moved.getDate(), moved.getTime());
            return "/patient/appointment?faces-redirect=true&id=" + moved.getId();
        } catch (SlotTakenException e) {
            Messages.addFlashGlobalError("rebook.just_taken", chosen.doctorName(), chosen.slot().date(),
                    chosen.slot().time());
        } catch (AppointmentNotFoundException e) {
            Messages.addFlashGlobalError("rebook.not_open");
        } catch (BookingException e) {
            Messages.addFlashGlobalError(e.getMessageKey(), e.getArguments());
        }
        return LIST;
    }

    /** Lets an offered slot go: it passes to the next patient waiting. */
    public String decline(WaitlistOffer offer) {
        try {
            booking.cancel(offer.id());
            Messages.addFlashGlobalInfo("waitlist.declined");
        } catch (BookingException e) {
            Messages.addFlashGlobalError(e.getMessageKey(), e.getArguments());
        }
        return LIST;
    }

    public String leave(Place place) {
        try {
            booking.leaveWaitlist(place.id());
            Messages.addFlashGlobalInfo("waitlist.left");
        } catch (BookingException e) {
            Messages.addFlashGlobalError(e.getMessageKey(), e.getArguments());
        }
        return LIST;
    }
}
