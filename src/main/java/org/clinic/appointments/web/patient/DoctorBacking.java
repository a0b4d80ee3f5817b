package org.clinic.appointments.web.patient;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.clinic.appointments.application.Availability;
import org.clinic.appointments.application.DoctorDirectory;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.SlotKey;
import org.clinic.appointments.infrastructure.config.AppConfig;
import org.clinic.appointments.web.Pages;

/** A doctor's profile ({@code /patient/doctor?id=…}) with the next free slot. */
@Named
@RequestScoped
public class DoctorBacking {

    @Inject
    DoctorDirectory directory;

    @Inject
    Availability availability;

    @Inject
    AppConfig config;

    private String id;
    private Doctor doctor;
    private Optional<SlotKey> nextFree = Optional.empty();

    public void load() {
        doctor = directory.findActive(id).orElse(null);
        if (doctor == null) {
            Pages.notFound();
            return;
        }
        nextFree = availability.nextFree(doctor.getId());
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Doctor getDoctor() {
        return doctor;
    }

    public String getFee() {
        return doctor.feeOr(config.consultationFee()).toPlainString();
    }

    public int getHorizonDays() {
        return config.bookingHorizonDays();
    }

    public SlotKey getNextFree() {
        return nextFree.orElse(null);
    }
}
