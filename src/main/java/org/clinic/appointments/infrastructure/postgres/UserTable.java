package org.clinic.appointments.infrastructure.postgres;

import static org.clinic.appointments.infrastructure.postgres.Database.list;
import static org.clinic.appointments.infrastructure.postgres.Database.one;
import static org.clinic.appointments.infrastructure.postgres.Database.execute;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.clinic.appointments.domain.AccountChange;
import org.clinic.appointments.domain.AccountRecordChange;
import org.clinic.appointments.domain.AuditQuery;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.Page;
import org.clinic.appointments.domain.EmailAddress;
import org.clinic.appointments.domain.Role;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.domain.WaitRequest;
import org.clinic.appointments.domain.WaitlistPlace;
import org.clinic.appointments.infrastructure.ledger.RecordJson;
import org.clinic.appointments.domain.PhoneNumber;

/** The {@code users} table (one account per address, by its identity key) and the waitlist places they list. */
final class UserTable {

    private static final String SELECT = "SELECT record::text AS record FROM users ";
    private static final String BY_NAME = " ORDER BY lower(name), id";

    private final RecordJson json;

    UserTable(RecordJson json) {
        this.json = json;
    }

    private User read(ResultSet row) throws SQLException {
        return json.user(row.getString("record"));
    }

    Optional<User> find(Connection c, String id, boolean forUpdate) throws SQLException {
        return one(c, SELECT + "WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""), this::read, id);
    }

    Optional<User> byEmail(Connection c, String email) throws SQLException {
        return one(c, SELECT + "WHERE email_key = ?", this::read, EmailAddress.identityKey(email));
    }

    List<User> admins(Connection c) throws SQLException {
        return list(c, SELECT + "WHERE role = ?" + BY_NAME, this::read, Role.ADMIN.code());
    }

    /** A page of the accounts' changes, newest first (the indexes of {@code account_changes} serve each filter). */
    Page<AccountRecordChange> changes(Connection c, AuditQuery query, int first, int size) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String where = AdminQueries.auditWhere(query, parameters);
        int total = AdminQueries.auditTotal(c, AdminQueries.ChangeTable.ACCOUNTS, query);
        if (size <= 0 || first < 0) {
            return new Page<>(List.of(), total);
        }
        parameters.add(size);
        parameters.add(first);
        List<AccountRecordChange> rows = list(c, "SELECT h.user_id, u.name, u.role, h.entry_index, h.at, h.actor,"
                + " h.action, h.detail FROM account_changes h JOIN users u ON u.id = h.user_id" + where
                + " ORDER BY h.at DESC, h.user_id DESC, h.entry_index DESC LIMIT ? OFFSET ?",
                row -> new AccountRecordChange(row.getString(1), row.getString(2).isEmpty() ? null : row.getString(2),
                        Role.fromCode(row.getString(3)), row.getInt(4), new AccountChange(
                                Database.instant(row, "at"), row.getString(6),
                                ChangeType.ofCode(row.getString(7)), row.getString(8))),
                parameters.toArray());
        return new Page<>(rows, total);
    }

    List<User> findPatients(Connection c, String text, int max) throws SQLException {
        String lower = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (lower.isEmpty()) {
            return List.of();
        }
        String digits = PhoneNumber.significantDigits(lower);
        String pattern = "%" + lower.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return list(c, SELECT + "WHERE role = ? AND (lower(name) LIKE ? OR lower(record->>'email') LIKE ?"
                + " OR (? AND regexp_replace(phone, '[^0-9]', '', 'g') LIKE ?))" + BY_NAME + " LIMIT ?", this::read,
                Role.PATIENT.code(), pattern, pattern, digits.length() >= 4, "%" + digits + "%", max);
    }

    void insert(Connection c, User user) throws SQLException {
        execute(c, "INSERT INTO users (email_key, role, name, phone, record, id) VALUES (?, ?, ?, ?, ?, ?)",
                columns(user));
        putWaitlist(c, user);
        putChanges(c, user);
    }

    void update(Connection c, User user) throws SQLException {
        execute(c, "UPDATE users SET email_key = ?, role = ?, name = ?, phone = ?, record = ? WHERE id = ?",
                columns(user));
        putWaitlist(c, user);
        putChanges(c, user);
    }

    /** The account's changes as rows: a change is only ever added, so only those past the stored ones are written. */
    private static void putChanges(Connection c, User user) throws SQLException {
        List<AccountChange> changes = user.getChanges();
        int stored = changes.isEmpty() ? 0 : one(c, "SELECT count(*) FROM account_changes WHERE user_id = ?",
                row -> row.getInt(1), user.getId()).orElse(0);
        for (int i = stored; i < changes.size(); i++) {
            AccountChange change = changes.get(i);
            execute(c, "INSERT INTO account_changes (user_id, entry_index, at, actor, action, detail)"
                    + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, entry_index) DO NOTHING", user.getId(), i,
                    change.getAt(), change.getActor(), change.getAction(), change.getDetail());
        }
    }

    private Object[] columns(User user) {
        return new Object[] {EmailAddress.identityKey(user.getEmail()), user.getRole().code(),
            user.getName() == null ? "" : user.getName(), user.getPhone() == null ? "" : user.getPhone(),
            new Database.Json(json.user(user)), user.getId()};
    }

    private static void putWaitlist(Connection c, User user) throws SQLException {
        execute(c, "DELETE FROM wait_requests WHERE user_id = ?", user.getId());
        for (WaitRequest request : user.getWaitlist()) {
            execute(c, "INSERT INTO wait_requests (id, user_id, doctor_id, joined_at) VALUES (?, ?, ?, ?)",
                    request.getId(), user.getId(), request.getDoctorId(), request.getJoinedAt());
        }
    }

    /** Who waits for this doctor on this day, first in line first. */
    List<WaitlistPlace> line(Connection c, String doctorId, LocalDate date) throws SQLException {
        return list(c, "SELECT w.id, u.record::text AS record FROM wait_requests w JOIN users u ON u.id = w.user_id"
                + " WHERE w.doctor_id = ? ORDER BY w.joined_at, w.id", row -> {
                    User user = read(row);
                    String requestId = row.getString("id");
                    WaitRequest request = user.getWaitlist().stream().filter(r -> r.getId().equals(requestId))
                            .findFirst().orElseThrow();
                    return new WaitlistPlace(user.getId(), user.getName(), request);
                }, doctorId).stream().filter(place -> place.request().covers(doctorId, date)).toList();
    }
}
