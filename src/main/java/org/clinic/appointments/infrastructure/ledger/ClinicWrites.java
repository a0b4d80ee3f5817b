package org.clinic.appointments.infrastructure.ledger;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.ClinicSchedule;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.StorageException;

/** Changes to the clinic's own records: its schedule, its doctors (and their photos) and its specializations. */
final class ClinicWrites {

    private static final Logger LOG = Logger.getLogger(ClinicWrites.class.getName());

    private final ClinicRecords clinic;
    private final Snapshots snapshots;
    private final Commits commits;
    private final Clock clock;

    ClinicWrites(ClinicRecords clinic, Snapshots snapshots, Commits commits, Clock clock) {
        this.clinic = clinic;
        this.snapshots = snapshots;
        this.commits = commits;
        this.clock = clock;
    }

    ClinicSchedule changeSchedule(String actor, ChangeType type, UnaryOperator<ClinicSchedule> change) {
        ClinicSchedule previous = clinic.schedule();
        ClinicSchedule next = change.apply(previous);
        commit(JournalEntry.ofSchedule(commits.nextSeq(), clock.instant(), actor, type.code(), previous, next));
        return next;
    }

    Doctor addDoctor(Doctor doctor, String actor) {
        if (doctor.getId() == null || doctor.getId().isBlank() || clinic.doctor(doctor.getId()).isPresent()) {
            throw new IllegalArgumentException("A new doctor needs an id of their own");
        }
        commit(JournalEntry.ofDoctor(commits.nextSeq(), clock.instant(), actor, ChangeType.DOCTOR_ADDED.code(),
                doctor.copy()));
        return doctor.copy();
    }

    Doctor changeDoctor(String id, String actor, ChangeType type, UnaryOperator<Doctor> change) {
        Doctor current = clinic.doctor(id).orElseThrow(() -> new IllegalArgumentException("No doctor " + id));
        Doctor next = change.apply(current);
        if (!id.equals(next.getId())) {
            throw new IllegalArgumentException("A change cannot alter a doctor's id");
        }
        commit(JournalEntry.ofDoctor(commits.nextSeq(), clock.instant(), actor, type.code(), next.copy()));
        return next.copy();
    }

    List<String> changeSpecializations(String actor, UnaryOperator<List<String>> change) {
        List<String> next = List.copyOf(change.apply(clinic.specializations()));
        commit(JournalEntry.ofSpecializations(commits.nextSeq(), clock.instant(), actor,
                ChangeType.SPECIALIZATIONS_CHANGED.code(), next));
        return next;
    }

    void storePhoto(String name, byte[] bytes, DataDirectory dir) {
        try {
            snapshots.writePhoto(name, bytes);
        } catch (IOException e) {
            LOG.severe(() -> "Photo refused: it could not be written in " + dir.path() + ": " + e.getMessage());
            throw new StorageException(e);
        }
    }

    private void commit(JournalEntry entry) {
        commits.commit(entry, () -> clinic.committed(entry));
    }
}
