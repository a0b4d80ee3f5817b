package org.clinic.appointments.web;

import java.time.Instant;
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

    @Inject
    AppConfig config;

    public String format(Instant instant) {
        return instant == null ? "" : MOMENT.format(instant.atZone(config.zone()));
    }

    public String getZone() {
        return config.zone().getId();
    }
}
