package org.clinic.appointments.infrastructure.ledger;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Logger;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.User;

/**
 * Folds the journal into the snapshots off the request path. The writer that finds the journal past its size
 * rotates it (new changes go to a fresh journal at once) and hands a consistent copy of the stored records (their
 * references: stored records never change) to a background task, which writes the snapshots and then records
 * their seq. Until it has, start-up replays the rotated journal from {@code archive/}, so nothing is lost.
 */
final class Compaction {

    private static final Logger LOG = Logger.getLogger(Compaction.class.getName());

    private final Snapshots snapshots;
    private final SnapshotCache cache;
    private final Executor executor;
    private boolean running;
    private long completed;

    Compaction(Snapshots snapshots, SnapshotCache cache, Executor executor) {
        this.snapshots = snapshots;
        this.cache = cache;
        this.executor = executor;
    }

    synchronized boolean isRunning() {
        return running;
    }

    /** How many compactions have written their snapshots since the ledger opened. */
    synchronized long completed() {
        return completed;
    }

    /**
     * Rotates the journal and starts writing the snapshots in the background, unless a compaction runs already.
     * Called by a writer; takes as long as the rotation (a rename and two fsyncs) and the copy of references.
     */
    void startInBackground(Journal journal, long seq, List<User> users, List<Appointment> appointments) {
        synchronized (this) {
            if (running) {
                return;
            }
            running = true;
        }
        try {
            journal.rotate(seq);
            executor.execute(() -> write(users, appointments, seq));
        } catch (IOException | RejectedExecutionException e) {
            LOG.warning(() -> "Compaction not started, the journal stays in use: " + e.getMessage());
            finished();
        }
    }

    /** Rotates and writes the snapshots on the calling thread, after any background compaction (at shutdown). */
    void runNow(Journal journal, long seq, List<User> users, List<Appointment> appointments) {
        awaitIdle();
        synchronized (this) {
            running = true;
        }
        try {
            journal.rotate(seq);
            write(users, appointments, seq);
        } catch (IOException e) {
            LOG.warning(() -> "Compaction failed, the journal stays in use: " + e.getMessage());
            finished();
        }
    }

    private void write(List<User> users, List<Appointment> appointments, long seq) {
        long started = System.nanoTime();
        try {
            snapshots.write(users, appointments, seq);
            synchronized (this) {
                completed++;
            }
            LOG.info(() -> "Ledger compacted at seq " + seq + " in " + (System.nanoTime() - started) / 1_000_000 + " ms");
            writeCache(users, appointments, seq, seq);
        } catch (IOException | RuntimeException e) {
            LOG.warning(() -> "Compaction at seq " + seq + " failed; its changes stay in the archived journal and are"
                    + " replayed at start-up: " + e.getMessage());
        } finally {
            finished();
        }
    }

    /** Writes the binary cache in the background (after a start-up that could not use it), unless a compaction runs. */
    void refreshCacheInBackground(List<User> users, List<Appointment> appointments, long seq, long stateSeq) {
        synchronized (this) {
            if (running) {
                return;
            }
            running = true;
        }
        try {
            executor.execute(() -> {
                try {
                    writeCache(users, appointments, seq, stateSeq);
                } finally {
                    finished();
                }
            });
        } catch (RejectedExecutionException e) {
            finished();
        }
    }

    private void writeCache(List<User> users, List<Appointment> appointments, long seq, long stateSeq) {
        long started = System.nanoTime();
        try {
            cache.write(users, appointments, seq, stateSeq);
            LOG.info(() -> SnapshotCache.FILE + " written at seq " + seq + " in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
        } catch (IOException | RuntimeException e) {
            LOG.warning(() -> SnapshotCache.FILE + " not written (start-up reads the JSON snapshots): " + e.getMessage());
        }
    }

    private synchronized void finished() {
        running = false;
        notifyAll();
    }

    /** Waits until no compaction runs. */
    synchronized void awaitIdle() {
        boolean interrupted = false;
        while (running) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
