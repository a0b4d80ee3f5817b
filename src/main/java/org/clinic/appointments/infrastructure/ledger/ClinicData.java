package org.clinic.appointments.infrastructure.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.ClinicSchedule;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.User;

/**
 * Everything a data directory holds, as records: to move the clinic between the JSON ledger and another store.
 * Reading never changes the directory read (the ledger opens a copy of it); writing makes a new directory the
 * ledger opens as it is.
 */
public record ClinicData(List<Doctor> doctors, List<String> specializations, ClinicSchedule schedule,
        Map<String, byte[]> photos, List<User> users, List<Appointment> appointments) {

    /** The data directory's records as the ledger loads them (snapshots, then journals). */
    public static ClinicData read(Path dir, ZoneId zone) {
        Path copy = null;
        try {
            copy = Files.createTempDirectory("clinic-data-read");
            copyFiles(dir, copy);
            try (LedgerCore ledger = LedgerCore.open(copy, zone, Clock.systemUTC(), Long.MAX_VALUE, Runnable::run)) {
                Map<String, byte[]> photos = new LinkedHashMap<>();
                ledger.doctors().stream().map(Doctor::getPhoto).filter(Objects::nonNull).distinct()
                        .forEach(name -> ledger.photo(name).ifPresent(bytes -> photos.put(name, bytes)));
                return new ClinicData(ledger.doctors(), ledger.specializations(), ledger.schedule(), photos,
                        ledger.users(), ledger.appointments());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + dir + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(copy);
        }
    }

    /** Writes these records as a new data directory; refused when {@code dir} exists and is not empty. */
    public void write(Path dir, ZoneId zone) {
        try {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalArgumentException(dir + " is not empty; export to a new directory");
                    }
                }
            }
            DataDirectory target = new DataDirectory(dir);
            target.lock();
            try (JsonCodec codec = new JsonCodec(zone)) {
                Snapshots snapshots = new Snapshots(target, codec, RecordMapper.mappers(codec.instants()));
                snapshots.writeDoctors(doctors);
                snapshots.writeSpecializations(specializations);
                snapshots.writeSchedule(schedule);
                for (Map.Entry<String, byte[]> photo : photos.entrySet()) {
                    snapshots.writePhoto(photo.getKey(), photo.getValue());
                }
                snapshots.write(users, appointments, 0);
            } finally {
                target.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + dir + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    private static void copyFiles(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            throw new IOException(from + " is not a directory");
        }
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (!source.getFileName().toString().equals(DataDirectory.LOCK)) {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary copy; the system's cleaner takes what is left
        }
    }
}
