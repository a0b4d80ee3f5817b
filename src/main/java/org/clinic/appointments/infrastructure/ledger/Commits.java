package org.clinic.appointments.infrastructure.ledger;

import java.io.IOException;
import java.util.logging.Logger;

import org.clinic.appointments.domain.StorageException;

/**
 * How a change becomes durable: its journal line is appended and fsynced, then it is applied to what is held in
 * memory, then logged; a journal past its size starts a compaction in the background.
 */
final class Commits {

    private static final Logger LOG = Logger.getLogger(Commits.class.getName());

    private final DataDirectory dir;
    private final Journal journal;
    private final Compaction compaction;
    private final ClinicRecords clinic;
    private final UserIndex users;
    private final AppointmentIndex appointments;
    private final long compactAfterBytes;
    private LedgerCore.AppendListener appendListener = (nanos, journalBytes) -> { };
    private long lastSeq;

    Commits(DataDirectory dir, Journal journal, Compaction compaction, ClinicRecords clinic, UserIndex users,
            AppointmentIndex appointments, long compactAfterBytes) {
        this.dir = dir;
        this.journal = journal;
        this.compaction = compaction;
        this.clinic = clinic;
        this.users = users;
        this.appointments = appointments;
        this.compactAfterBytes = compactAfterBytes;
    }

    long lastSeq() {
        return lastSeq;
    }

    long nextSeq() {
        return lastSeq + 1;
    }

    void loaded(long seq) {
        lastSeq = seq;
    }

    void onAppend(LedgerCore.AppendListener listener) {
        appendListener = listener;
    }

    /** Makes {@code entry} durable, then runs {@code apply} to change what is held in memory. */
    void commit(JournalEntry entry, Runnable apply) {
        long started = System.nanoTime();
        try {
            journal.append(entry);
        } catch (IOException e) {
            LOG.severe(() -> "Change " + entry.type() + " refused: the journal in " + dir.path()
                    + " could not be written: " + e.getMessage());
            throw new StorageException(e);
        }
        lastSeq = entry.seq();
        appendListener.appended(System.nanoTime() - started, journal.size());
        apply.run();
        LedgerCore.CHANGES.info(entry::changeLine);
        if (compactAfterBytes > 0 && journal.size() >= compactAfterBytes && !compaction.isRunning() && clinic.saved()) {
            compaction.startInBackground(journal, lastSeq, users.storedRecords(), appointments.storedRecords());
        }
    }

    /** Folds the journal into the snapshots now, after any compaction in the background (at shutdown). */
    void compactNow() {
        compaction.awaitIdle();
        if (journal.size() > 0 && clinic.saved()) {
            compaction.runNow(journal, lastSeq, users.storedRecords(), appointments.storedRecords());
        }
    }
}
