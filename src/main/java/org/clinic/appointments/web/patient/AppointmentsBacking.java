package org.clinic.appointments.web.patient;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.clinic.appointments.application.BookingService;
import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.ClinicRules;
import org.clinic.appointments.infrastructure.config.AppConfig;

/**
 * My appointments ({@code /patient/appointments}): upcoming ones, soonest first, and past ones, latest first. The
 * offers above them are {@link AppointmentOffersBacking}'s.
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

    private List<Appointment> all;
    private List<Appointment> upcoming;
    private List<Appointment> past;

    @PostConstruct
    void load() {
        ClinicRules rules = config.rules();
        Instant now = clock.instant();
        all = booking.mine();
        Comparator<Appointment> byStart = Comparator.comparing(rules::startOf);
        upcoming = all.stream().filter(a -> rules.startOf(a).isAfter(now)).sorted(byStart).toList();
        past = all.stream().filter(a -> !rules.startOf(a).isAfter(now)).sorted(byStart.reversed()).toList();
    }

    /** Every appointment of the patient, as this request read them once. */
    List<Appointment> all() {
        return all;
    }

    public List<Appointment> getUpcoming() {
        return upcoming;
    }

    public List<Appointment> getPast() {
        return past;
    }
}
