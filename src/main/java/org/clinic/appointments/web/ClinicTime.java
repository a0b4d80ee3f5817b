package org.clinic.appointments.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.clinic.appointments.infrastructure.config.AppConfig;

/** Moments as the clinic reads them, in its own time zone: {@code #{clinicTime.format(a.paidAt)}}. */
@Named
@ApplicationScoped
public class ClinicTime {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    @Inject
    AppConfig config;

    public String format(Instant instant) {
        return instant == null ? "" : MOMENT.format(instant.atZone(config.zone()));
    }

    /** A day as the pages write it, e.g. {@code Tue 8 Dec 2026}: {@code #{clinicTime.day(a.date)}}. */
    public String day(LocalDate date) {
        return dayOf(date);
    }

    public static String dayOf(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    public String getZone() {
        return config.zone().getId();
    }
}
