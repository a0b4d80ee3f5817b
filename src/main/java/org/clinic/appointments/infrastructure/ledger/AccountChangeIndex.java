package org.clinic.appointments.infrastructure.ledger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.function.Function;

import org.clinic.appointments.domain.AccountChange;
import org.clinic.appointments.domain.AccountRecordChange;
import org.clinic.appointments.domain.AuditQuery;
import org.clinic.appointments.domain.Page;
import org.clinic.appointments.domain.User;

/**
 * Every account's changes in the audit trail's order ({@link AccountRecordChange#NEWEST_FIRST}), so a page is read
 * from the front without walking every account. Changed under the WRITE lock only.
 */
final class AccountChangeIndex {

    private record Row(AccountChange change, String userId, int index) {
    }

    private static final Comparator<Row> NEWEST_FIRST = Comparator.comparing((Row r) -> r.change().getAt())
            .thenComparing(Row::userId).thenComparingInt(Row::index).reversed();

    private final NavigableSet<Row> rows = new TreeSet<>(NEWEST_FIRST);

    /** The account's record replaced: the changes it no longer has leave, those it gained join. */
    void replaced(User previous, User next) {
        List<AccountChange> before = previous == null ? List.of() : previous.getChanges();
        List<AccountChange> after = next.getChanges();
        int same = 0;
        while (same < before.size() && same < after.size() && before.get(same).equals(after.get(same))) {
            same++;
        }
        for (int i = same; i < before.size(); i++) {
            rows.remove(new Row(before.get(i), previous.getId(), i));
        }
        for (int i = same; i < after.size(); i++) {
            rows.add(new Row(after.get(i), next.getId(), i));
        }
    }

    /** Rows {@code first … first+size} of the changes the query matches, and how many it matches. */
    Page<AccountRecordChange> page(AuditQuery query, int first, int size, Function<String, User> accounts) {
        boolean everything = query.actor() == null && query.action() == null && query.from() == null
                && query.until() == null;
        List<AccountRecordChange> page = new ArrayList<>(Math.max(0, Math.min(size, 100)));
        int total = 0;
        for (Row row : rows) {
            if (query.from() != null && row.change().getAt().isBefore(query.from())) {
                break;
            }
            if (!query.matches(row.change())) {
                continue;
            }
            if (total >= first && total - first < size && first >= 0) {
                User account = accounts.apply(row.userId());
                page.add(new AccountRecordChange(row.userId(), account.getName(), account.getRole(), row.index(),
                        row.change()));
            } else if (everything && total >= first + size) {
                return new Page<>(List.copyOf(page), rows.size());
            }
            total++;
        }
        return new Page<>(List.copyOf(page), total);
    }
}
