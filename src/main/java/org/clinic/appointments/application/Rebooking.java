package org.clinic.appointments.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.SlotKey;
import org.clinic.appointments.domain.port.AppointmentBook;
import org.clinic.appointments.infrastructure.config.AppConfig;
import org.clinic.appointments.security.Roles;

/**
 * The offer a patient gets when the clinic cancels their appointment for a doctor's leave: the next free slots
 * of the same doctor and of other doctors of the same specialization, any of which they take in one click.
 */
@Stateless
@RolesAllowed(Roles.PATIENT)
public class Rebooking {

    public static final int SLOTS_PER_DOCTOR = 3;
    public static final int OTHER_DOCTORS = 2;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    @Inject
    AppointmentBook book;

    @Inject
    Availability availability;

    @Inject
    AppConfig config;

    /** A slot offered in place of a cancelled appointment. */
    public record Offer(SlotKey slot, String doctorName) implements java.io.Serializable {
    }

    /** The slots offered for the caller's cancelled appointment; none when it has no open offer. */
    public List<Offer> offers(Appointment cancelled) {
        if (!cancelled.isRebookOpen() || !cancelled.getUserId().equals(caller())) {
            return List.of();
        }
        List<Offer> offers = new ArrayList<>();
        Doctor own = book.doctor(cancelled.getDoctorId()).orElse(null);
        if (own != null) {
            availability.freeSlots(own.getId(), SLOTS_PER_DOCTOR).forEach(s -> offers.add(new Offer(s, own.getName())));
        }
        book.doctors().stream()
                .filter(d -> !d.getId().equals(cancelled.getDoctorId()) && d.mayStandInFor(own))
                .limit(OTHER_DOCTORS)
                .forEach(d -> availability.freeSlots(d.getId(), 1).forEach(s -> offers.add(new Offer(s, d.getName()))));
        return offers;
    }

    /** Takes one of the offered slots: the new appointment is confirmed, to be paid at the clinic. */
    public Appointment take(String cancelledId, String doctorId, LocalDate date, String time) {
        String caller = caller();
        Appointment cancelled = book.appointment(cancelledId).filter(a -> a.getUserId().equals(caller))
                .orElseThrow(AppointmentNotFoundException::new);
        Doctor doctor = book.doctor(doctorId).orElseThrow(() -> new BookingException("booking.doctor.unknown"));
        if (!doctor.mayStandInFor(book.doctor(cancelled.getDoctorId()).orElse(null))) {
            throw new BookingException("rebook.other_doctor");
        }
        config.rules().bookingRefusal(date, time, clock.instant(),
                book.schedule().slotTimes(doctorId, date, config.defaultWeek())).ifPresent(key -> {
                    throw new BookingException(key);
                });
        return book.rebook(cancelled.getId(), caller,
                current -> current.rebookedTo(doctor, date, time, clock.instant(), caller));
    }

    private String caller() {
        return context.getCallerPrincipal().getName();
    }
}
