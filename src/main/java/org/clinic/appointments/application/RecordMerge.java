package org.clinic.appointments.application;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.clinic.appointments.domain.AccountRecordChange;
import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.AuditQuery;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.Page;
import org.clinic.appointments.domain.PatientMove;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.domain.port.AppointmentBook;

/**
 * Moves the appointments of a walk-in's record merged into another record of the same patient (their account, or
 * another walk-in's record) to the record kept, each once, and back when the merge is undone. A record merged into
 * one merged itself later has its appointments moved on to where that one went. The merge (or its undoing) is stored
 * on the walk-in's record first, so a move a crash cut short is finished by running it again: by the admin on the
 * record's page, or a minute after the next start ({@link #catchUp}).
 */
@ApplicationScoped
public class RecordMerge {

    private static final Logger LOG = Logger.getLogger(RecordMerge.class.getName());
    private static final int PAGE = 500;
    /** More merges in a row than any clinic makes; a longer chain is not followed. */
    static final int MAX_CHAIN = 50;

    @Inject
    AppointmentBook book;

    /** Moves what is still on the merged walk-in's record; answers how many appointments it moved. */
    public int moveAppointments(User walkIn, String actor) {
        Optional<User> account = kept(walkIn);
        if (account.isEmpty()) {
            return 0;
        }
        int moved = 0;
        for (Appointment a : book.appointmentsOfPatient(walkIn.getId())) {
            try {
                book.moveToPatient(a.getId(), walkIn.getId(), account.get(), PatientMove.MERGED, actor);
                moved++;
            } catch (IllegalArgumentException changedMeanwhile) {
                LOG.fine(() -> "Appointment " + a.getId() + " or its records changed meanwhile");
            }
        }
        int count = moved;
        if (count > 0) {
            LOG.info(() -> count + " appointment(s) of walk-in " + walkIn.getId() + " moved to patient "
                    + account.get().getId());
        }
        return count;
    }

    /**
     * Moves back to the walk-in's record, its merge into {@code formerTargetId} undone, the appointments that came from
     * it and are still where that merge took them; answers how many moved.
     */
    public int moveBack(User walkIn, String formerTargetId, String actor) {
        Optional<User> holder = walkIn.mergedIntoId() != null ? Optional.empty() : book.user(formerTargetId)
                .flatMap(target -> target.mergedIntoId() == null ? Optional.of(target) : kept(target));
        if (holder.isEmpty()) {
            return 0;
        }
        int moved = 0;
        for (Appointment a : book.appointmentsOfPatient(holder.get().getId())) {
            if (a.cameFrom(walkIn.getId())) {
                try {
                    book.moveToPatient(a.getId(), holder.get().getId(), walkIn, PatientMove.MERGE_UNDONE, actor);
                    moved++;
                } catch (IllegalArgumentException changedMeanwhile) {
                    LOG.fine(() -> "Appointment " + a.getId() + " or its records changed meanwhile");
                }
            }
        }
        int count = moved;
        if (count > 0) {
            LOG.info(() -> count + " appointment(s) of patient " + holder.get().getId() + " moved back to walk-in "
                    + walkIn.getId());
        }
        return count;
    }

    /**
     * The record that holds the merged walk-in's appointments now: the one it was merged into, or where that one
     * went when it was merged itself; empty for a record not merged.
     */
    public Optional<User> kept(User walkIn) {
        Optional<User> kept = Optional.empty();
        String next = walkIn.mergedIntoId();
        for (int step = 0; next != null && step < MAX_CHAIN; step++) {
            kept = book.user(next);
            next = kept.map(User::mergedIntoId).orElse(null);
        }
        return next == null ? kept : Optional.empty();
    }

    /**
     * The walk-ins' records merged into this one, and those merged into them, newest merge first within each
     * record's, each once.
     */
    public List<User> mergedInto(String recordId) {
        Map<String, List<String>> mergedByRecord = new HashMap<>();
        forEachChange(ChangeType.MERGED_INTO, null, row -> mergedByRecord.computeIfAbsent(row.change().getDetail(),
                id -> new ArrayList<>()).add(row.userId()));
        Set<String> seen = new HashSet<>(List.of(recordId));
        List<User> merged = new ArrayList<>();
        Deque<String> toVisit = new ArrayDeque<>(List.of(recordId));
        while (!toVisit.isEmpty()) {
            String record = toVisit.poll();
            for (String id : mergedByRecord.getOrDefault(record, List.of())) {
                Optional<User> stillMerged = seen.add(id) ? book.user(id).filter(u -> record.equals(u.mergedIntoId()))
                        : Optional.empty();
                stillMerged.ifPresent(u -> {
                    merged.add(u);
                    toVisit.add(id);
                });
            }
        }
        return merged;
    }

    /**
     * Finishes the moves of the records merged since {@code since}, and those back to the records whose merge was
     * undone since; answers how many appointments it moved.
     */
    public int catchUp(Instant since, String actor) {
        Set<String> merged = new LinkedHashSet<>();
        forEachChange(ChangeType.MERGED_INTO, since, row -> merged.add(row.userId()));
        Map<String, String> undone = new LinkedHashMap<>();
        forEachChange(ChangeType.MERGE_UNDONE, since,
                row -> undone.putIfAbsent(row.userId(), row.change().getDetail()));
        int moved = 0;
        for (String id : merged) {
            moved += book.user(id).map(walkIn -> moveAppointments(walkIn, actor)).orElse(0);
        }
        for (Map.Entry<String, String> each : undone.entrySet()) {
            moved += book.user(each.getKey()).map(walkIn -> moveBack(walkIn, each.getValue(), actor)).orElse(0);
        }
        return moved;
    }

    /** Every account change of {@code type} since {@code since} (null: ever), newest first. */
    private void forEachChange(ChangeType type, Instant since, Consumer<AccountRecordChange> each) {
        AuditQuery changes = new AuditQuery(null, type.code(), since, null);
        Page.forEachRow((first, max) -> book.accountChanges(changes, first, max), PAGE, each);
    }
}
