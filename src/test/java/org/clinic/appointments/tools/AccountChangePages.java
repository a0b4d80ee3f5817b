package org.clinic.appointments.tools;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;

import org.clinic.appointments.domain.AuditQuery;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.Role;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.infrastructure.ledger.LedgerCore;

/**
 * How long a page of the audit trail's account changes takes on the JSON ledger. Usage:
 * {@code AccountChangePages <data dir> [rounds]}: every patient without a change first changes their phone once
 * (kept in the directory's journal), then each query is timed 20 times per round and its median printed.
 */
public final class AccountChangePages {

    private static final int TIMES = 20;

    private AccountChangePages() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (LedgerCore ledger = LedgerCore.open(Path.of(args[0]), ZoneId.of("Asia/Kolkata"), Clock.systemUTC(), 0)) {
            int changed = 0;
            for (User user : ledger.users()) {
                if (user.getRole() == Role.PATIENT && user.getChanges().isEmpty()) {
                    String phone = String.format("+91 90000 %05d", changed % 100_000);
                    ledger.changeUser(user.getId(), user.getId(), ChangeType.PROFILE_CHANGED,
                            u -> u.profileChanged(u.getName(), phone, Instant.now()));
                    changed++;
                }
            }
            AuditQuery everything = new AuditQuery(null, null, null, null);
            int total = ledger.accountChanges(everything, 0, 0).total();
            System.out.printf("%,d accounts, %,d changed now, %,d account changes%n", ledger.userCount(), changed,
                    total);
            AuditQuery oneKind = new AuditQuery(null, ChangeType.SUSPENDED.code(), null, null);
            for (int round = 1; round <= rounds; round++) {
                time(round, "count alone", () -> ledger.accountChanges(everything, 0, 0));
                time(round, "first page of 25", () -> ledger.accountChanges(everything, 0, 25));
                time(round, "page 81 of 25", () -> ledger.accountChanges(everything, 2_000, 25));
                time(round, "page 2,001 of 25", () -> ledger.accountChanges(everything, 50_000, 25));
                time(round, "first page of one kind (none)", () -> ledger.accountChanges(oneKind, 0, 25));
            }
        }
    }

    private static void time(int round, String what, Runnable query) {
        long[] nanos = new long[TIMES];
        for (int i = 0; i < TIMES; i++) {
            long started = System.nanoTime();
            query.run();
            nanos[i] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        System.out.printf("round %d, %s: median %.2f ms%n", round, what, nanos[TIMES / 2] / 1e6);
    }
}
