package org.clinic.appointments.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.FreeText;
import org.clinic.appointments.domain.port.AppointmentBook;
import org.clinic.appointments.security.Roles;
import org.clinic.appointments.domain.DoctorRecordChange;

/**
 * The doctors' records, kept by admins: add and edit a doctor, their photo, and the list of specializations a doctor
 * is chosen from. Every change is stored with who made it and, per field, from what to what.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class DoctorRecords {

    private static final Logger LOG = Logger.getLogger(DoctorRecords.class.getName());
    static final int SPECIALIZATION_MAX = 60;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    @Inject
    AppointmentBook book;

    @Inject
    DetailsCarryOver carryOver;

    public List<Doctor> all() {
        return book.doctors();
    }

    public java.util.Optional<Doctor> find(String id) {
        return book.doctor(id);
    }

    /** The changes of every doctor's record by this actor (null: anyone) in [from, until), newest first. */
    public List<DoctorRecordChange> changes(String actorId, java.time.Instant from,
            java.time.Instant until) {
        return book.doctors().stream()
                .flatMap(d -> d.getHistory().stream()
                        .map(c -> new DoctorRecordChange(d.getId(), d.getName(), c)))
                .filter(r -> actorId == null || actorId.equals(r.change().getActor()))
                .filter(r -> from == null || !r.change().getAt().isBefore(from))
                .filter(r -> until == null || r.change().getAt().isBefore(until))
                .sorted(java.util.Comparator.comparing(
                        (DoctorRecordChange r) -> r.change().getAt()).reversed())
                .toList();
    }

    public List<String> specializations() {
        return book.specializations();
    }

    public Doctor add(@NotNull @Valid DoctorDetails details) {
        Doctor wanted = details.toDoctor();
        requireKnownSpecialization(wanted.getSpecialization());
        String id = "dr-" + UUID.randomUUID().toString().substring(0, 8);
        Doctor added = book.addDoctor(Doctor.added(id, wanted, clock.instant(), actor()), actor());
        LOG.info(() -> "Admin " + actor() + " added doctor " + id);
        return added;
    }

    /** Stores the details that differ from the record as stored now; answers the record (unchanged: nothing stored). */
    public Doctor edit(String id, @NotNull @Valid DoctorDetails details) {
        Doctor stored = book.doctor(id).orElseThrow(() -> new BookingException("doctor.unknown"));
        Doctor wanted = details.toDoctor();
        if (stored.changedBy(wanted).isEmpty()) {
            return stored;
        }
        if (!wanted.getSpecialization().equals(stored.getSpecialization())) {
            requireKnownSpecialization(wanted.getSpecialization());
        }
        Doctor edited = book.changeDoctor(id, actor(), ChangeType.DOCTOR_EDITED,
                current -> current.edited(wanted, clock.instant(), actor()));
        LOG.info(() -> "Admin " + actor() + " edited doctor " + id);
        if (!edited.getName().equals(stored.getName())) {
            carryOver.doctor(edited, actor());
        }
        return edited;
    }

    /** Checks and keeps the upload as the doctor's photo; a {@code BookingException} says why it was refused. */
    public Doctor setPhoto(String id, byte[] upload) {
        book.doctor(id).orElseThrow(() -> new BookingException("doctor.unknown"));
        DoctorPhoto photo = DoctorPhoto.fromUpload(upload);
        book.storePhoto(photo.name(), photo.bytes());
        Doctor changed = book.changeDoctor(id, actor(), ChangeType.DOCTOR_PHOTO_CHANGED,
                current -> current.withPhoto(photo.name(), clock.instant(), actor()));
        LOG.info(() -> "Admin " + actor() + " changed the photo of doctor " + id);
        return changed;
    }

    public Doctor removePhoto(String id) {
        return book.changeDoctor(id, actor(), ChangeType.DOCTOR_PHOTO_CHANGED,
                current -> current.getPhoto() == null ? current : current.withPhoto(null, clock.instant(), actor()));
    }

    public List<String> addSpecialization(String name) {
        String wanted = name == null ? "" : name.strip();
        if (wanted.isEmpty()) {
            throw new BookingException("specialization.required");
        }
        if (FreeText.lineProblem(wanted, SPECIALIZATION_MAX).isPresent() || wanted.matches(".*[<>\"].*")) {
            throw new BookingException("specialization.invalid", SPECIALIZATION_MAX);
        }
        return book.changeSpecializations(actor(), current -> {
            if (current.stream().anyMatch(s -> s.equalsIgnoreCase(wanted))) {
                throw new BookingException("specialization.exists", wanted);
            }
            List<String> next = new ArrayList<>(current);
            next.add(wanted);
            next.sort(String.CASE_INSENSITIVE_ORDER);
            return next;
        });
    }

    /** Removes a specialization no doctor has. */
    public List<String> removeSpecialization(String name) {
        long holders = book.doctors().stream().filter(d -> name != null && name.equals(d.getSpecialization())).count();
        if (holders > 0) {
            throw new BookingException("specialization.in_use", name, holders);
        }
        return book.changeSpecializations(actor(), current -> current.stream().filter(s -> !s.equals(name)).toList());
    }

    private void requireKnownSpecialization(String specialization) {
        if (specialization == null || book.specializations().stream()
                .noneMatch(s -> s.toLowerCase(Locale.ROOT).equals(specialization.toLowerCase(Locale.ROOT)))) {
            throw new BookingException("doctor.specialization.unknown");
        }
    }

    private String actor() {
        return context.getCallerPrincipal().getName();
    }
}
