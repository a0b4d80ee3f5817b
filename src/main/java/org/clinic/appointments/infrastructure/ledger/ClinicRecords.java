package org.clinic.appointments.infrastructure.ledger;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import org.clinic.appointments.domain.ClinicSchedule;
import org.clinic.appointments.domain.Doctor;

/**
 * The clinic's own small records: its doctors, its specializations and its schedule. Each change has its journal
 * line first; its readable file ({@code doctors.json}, {@code specializations.json}, {@code schedule.json}) is then
 * rewritten whole, and once more before a compaction retires the journal lines that hold it.
 */
final class ClinicRecords {

    private static final Logger LOG = Logger.getLogger(ClinicRecords.class.getName());

    private final Snapshots snapshots;
    private final Map<String, Doctor> doctors = new LinkedHashMap<>();
    private volatile List<Doctor> doctorList = List.of();
    private volatile ClinicSchedule schedule = ClinicSchedule.EMPTY;
    /** Null until the admins change the list: then the doctors' specializations. */
    private volatile List<String> specializations;

    ClinicRecords(Snapshots snapshots) {
        this.snapshots = snapshots;
    }

    void load(DataDirectory dir) {
        schedule = snapshots.readSchedule();
        for (Doctor doctor : snapshots.readDoctors()) {
            if (doctor.getId() == null || doctor.getId().isBlank()) {
                throw new LedgerLoadException(dir.resolve(Snapshots.DOCTORS) + ": a doctor has no id");
            }
            doctors.put(doctor.getId(), doctor);
        }
        specializations = snapshots.readSpecializations().orElse(null);
        published();
    }

    /** Applies a journal line's record (at start-up, and after a change is durable). */
    void replay(JournalEntry entry) {
        if (entry.schedule() != null) {
            schedule = entry.scheduleAfter(schedule);
        }
        if (entry.doctor() != null) {
            doctors.put(entry.doctor().getId(), entry.doctor().copy());
            published();
        }
        if (entry.specializations() != null) {
            specializations = List.copyOf(entry.specializations());
        }
    }

    /** Applies a change made durable just now and rewrites the file it touches. */
    void committed(JournalEntry entry) {
        replay(entry);
        try {
            if (entry.schedule() != null) {
                snapshots.writeSchedule(schedule);
            }
            if (entry.doctor() != null) {
                snapshots.writeDoctors(doctors.values());
            }
            if (entry.specializations() != null) {
                snapshots.writeSpecializations(specializations);
            }
        } catch (IOException e) {
            LOG.warning(() -> "A readable file could not be rewritten after change " + entry.seq()
                    + " (the journal holds it): " + e.getMessage());
        }
    }

    /** Writes every file, before a compaction retires the journal lines they may have been rebuilt from. */
    boolean saved() {
        try {
            snapshots.writeSchedule(schedule);
            if (!doctors.isEmpty()) {
                snapshots.writeDoctors(doctors.values());
            }
            if (specializations != null) {
                snapshots.writeSpecializations(specializations);
            }
            return true;
        } catch (IOException e) {
            LOG.warning(() -> "No compaction now: the clinic's files could not be written: " + e.getMessage());
            return false;
        }
    }

    private void published() {
        doctorList = List.copyOf(doctors.values());
    }

    List<Doctor> doctors() {
        return doctorList.stream().map(Doctor::copy).toList();
    }

    Optional<Doctor> doctor(String id) {
        return Optional.ofNullable(id == null ? null : doctors.get(id)).map(Doctor::copy);
    }

    java.util.Set<String> doctorIds() {
        return doctors.keySet();
    }

    int doctorCount() {
        return doctors.size();
    }

    ClinicSchedule schedule() {
        return schedule;
    }

    List<String> specializations() {
        List<String> kept = specializations;
        if (kept != null) {
            return kept;
        }
        return doctorList.stream().map(Doctor::getSpecialization).filter(s -> s != null && !s.isBlank()).distinct()
                .sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }
}
