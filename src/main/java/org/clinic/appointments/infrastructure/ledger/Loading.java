package org.clinic.appointments.infrastructure.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.HistoryEntry;
import org.clinic.appointments.domain.User;

/**
 * Start-up: the clinic's records, then the users and appointments from the binary cache when it agrees with the JSON
 * snapshots (else from the JSON), then every journal entry after them, archived ones first. Stops with a message
 * naming the file, the line and the problem when something cannot be read; nothing is written but a torn tail.
 */
final class Loading {

    private static final Logger LOG = Logger.getLogger(Loading.class.getName());

    private final DataDirectory dir;
    private final Snapshots snapshots;
    private final SnapshotCache cache;
    private final Journal journal;
    private final Clock clock;
    private final UserIndex users;
    private final AppointmentIndex appointments;
    private long lastSeq;
    private long stateSeq;
    private boolean fromCache;
    private int snapshotRecords;
    private ClinicRecords clinic;

    Loading(DataDirectory dir, Snapshots snapshots, SnapshotCache cache, Journal journal, Clock clock, UserIndex users,
            AppointmentIndex appointments) {
        this.dir = dir;
        this.snapshots = snapshots;
        this.cache = cache;
        this.journal = journal;
        this.clock = clock;
        this.users = users;
        this.appointments = appointments;
    }

    /** Loads everything into the indexes and opens the journal for writing; answers the last seq. */
    long load(ClinicRecords clinic, boolean useCache) {
        long started = System.nanoTime();
        this.clinic = clinic;
        clinic.load(dir);
        stateSeq = snapshots.readStateSeq();
        Instant now = clock.instant();
        UnaryOperator<Appointment> shared = a -> {
            appointments.sharing().share(a);
            return a;
        };
        UnaryOperator<Appointment> sharedButTexts = a -> {
            appointments.sharing().shareValuesButTexts(a);
            return a;
        };
        appointments.snapshotLoading();
        OptionalLong cached = useCache ? cache.read(stateSeq, users::put, appointments::expect, sharedButTexts,
                a -> appointments.putShared(a, now)) : OptionalLong.empty();
        if (cached.isPresent()) {
            lastSeq = cached.getAsLong();
            fromCache = true;
        } else {
            int index = 0;
            for (User user : snapshots.readUsers()) {
                index++;
                requireUser(user, Snapshots.USERS + ", record " + index);
                users.put(user);
            }
            int[] record = {0};
            snapshots.readAppointments(shared, appointment -> {
                record[0]++;
                requireAppointment(appointment, Snapshots.APPOINTMENTS + ", record " + record[0]);
                appointments.putShared(appointment, now);
            });
            lastSeq = stateSeq;
            snapshotRecords = index + record[0];
        }
        appointments.snapshotLoaded();
        long snapshotSeq = journal.replayArchivesAfter(lastSeq, this::replayed);
        journal.replay(entry -> {
            if (entry.seq() > snapshotSeq) {
                replayed(entry);
            }
        });
        journal.open(snapshotSeq + 1);
        appointments.loaded();
        LOG.info(() -> "Ledger loaded from " + dir.path() + (fromCache ? " (binary cache)" : "") + ": " + clinic.doctorCount()
                + " doctors, " + users.size() + " users, " + appointments.size() + " appointments, journal up to seq "
                + lastSeq + ", in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        return lastSeq;
    }

    boolean fromCache() {
        return fromCache;
    }

    /** Whether the JSON snapshots held records that the binary cache could have given faster. */
    boolean cacheWanted() {
        return !fromCache && snapshotRecords > 0;
    }

    /** The seq the JSON snapshots' state file names. */
    long stateSeq() {
        return stateSeq;
    }

    /** Applies a journal entry; an entry the snapshots (or the cache) hold already changes nothing. */
    private void replayed(JournalEntry entry) {
        String where = Journal.FILE + ", seq " + entry.seq();
        if (entry.user() != null) {
            requireUser(entry.user(), where);
            users.put(entry.user());
        }
        clinic.replay(entry);
        Appointment appointment = entry.appointment();
        if (appointment != null) {
            if (entry.isDelta()) {
                Appointment previous = appointments.stored(appointment.getId());
                List<HistoryEntry> history = previous == null ? new ArrayList<>() : new ArrayList<>(previous.getHistory());
                for (HistoryEntry added : entry.historyAdded()) {
                    if (!history.contains(added)) {
                        history.add(added);
                    }
                }
                appointment.setHistory(history);
            }
            requireAppointment(appointment, where);
            appointments.put(appointment, clock.instant());
        }
        lastSeq = entry.seq();
    }

    void requireUser(User user, String where) {
        if (user == null || blank(user.getId()) || blank(user.getEmail()) || user.getRole() == null) {
            throw new LedgerLoadException(dir.resolve(where) + ": a user needs id, email and role");
        }
    }

    private void requireAppointment(Appointment a, String where) {
        if (a == null || blank(a.getId()) || blank(a.getUserId()) || blank(a.getDoctorId()) || a.getDate() == null
                || blank(a.getTime()) || a.getStatus() == null) {
            throw new LedgerLoadException(dir.resolve(where)
                    + ": an appointment needs id, user_id, doctor_id, date, time and status");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
