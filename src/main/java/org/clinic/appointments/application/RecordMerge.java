package org.clinic.appointments.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
import org.clinic.appointments.domain.User;
import org.clinic.appointments.domain.port.AppointmentBook;

/**
 * Moves the appointments of a walk-in's record merged into an account to that account, each once. The merge is
 * stored on the walk-in's record first, so a move a crash cut short is finished by running it again: by the admin
 * on the record's page, or a minute after the next start ({@link #catchUp}).
 */
@ApplicationScoped
public class RecordMerge {

    private static final Logger LOG = Logger.getLogger(RecordMerge.class.getName());
    private static final int PAGE = 500;

    @Inject
    AppointmentBook book;

    /** Moves what is still on the merged walk-in's record; answers how many appointments it moved. */
    public int moveAppointments(User walkIn, String actor) {
        Optional<User> account = Optional.ofNullable(walkIn.mergedIntoId()).flatMap(book::user);
        if (account.isEmpty()) {
            return 0;
        }
        int moved = 0;
        for (Appointment a : book.appointmentsOfPatient(walkIn.getId())) {
            try {
                book.moveToPatient(a.getId(), walkIn.getId(), account.get(), actor);
                moved++;
            } catch (IllegalArgumentException movedMeanwhile) {
                LOG.fine(() -> "Appointment " + a.getId() + " was moved meanwhile");
            }
        }
        int count = moved;
        if (count > 0) {
            LOG.info(() -> count + " appointment(s) of walk-in " + walkIn.getId() + " moved to patient "
                    + account.get().getId());
        }
        return count;
    }

    /** The walk-ins' records merged into the account, newest first. */
    public List<User> mergedInto(String accountId) {
        List<User> merged = new ArrayList<>();
        forEachMerge(null, row -> {
            if (accountId.equals(row.change().getDetail())) {
                book.user(row.userId()).ifPresent(merged::add);
            }
        });
        return merged;
    }

    /** Finishes the moves of the records merged since {@code since}; answers how many appointments it moved. */
    public int catchUp(Instant since, String actor) {
        Set<String> merged = new LinkedHashSet<>();
        forEachMerge(since, row -> merged.add(row.userId()));
        int moved = 0;
        for (String id : merged) {
            moved += book.user(id).map(walkIn -> moveAppointments(walkIn, actor)).orElse(0);
        }
        return moved;
    }

    /** Every merge since {@code since} (null: ever), newest first. */
    private void forEachMerge(Instant since, Consumer<AccountRecordChange> each) {
        AuditQuery merges = new AuditQuery(null, ChangeType.MERGED_INTO.code(), since, null);
        Page.forEachRow((first, max) -> book.accountChanges(merges, first, max), PAGE, each);
    }
}
