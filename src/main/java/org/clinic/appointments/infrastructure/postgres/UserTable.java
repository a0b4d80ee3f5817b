package org.clinic.appointments.infrastructure.postgres;

import static org.clinic.appointments.infrastructure.postgres.Database.list;
import static org.clinic.appointments.infrastructure.postgres.Database.one;
import static org.clinic.appointments.infrastructure.postgres.Database.execute;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.clinic.appointments.domain.EmailAddress;
import org.clinic.appointments.domain.Role;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.domain.WaitRequest;
import org.clinic.appointments.domain.WaitlistPlace;
import org.clinic.appointments.infrastructure.ledger.RecordJson;

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

    /** The accounts whose record keeps changes (the partial index {@code users_changed} lists them). */
    List<User> changed(Connection c) throws SQLException {
        return list(c, SELECT + "WHERE (record -> 'changes') IS NOT NULL", this::read);
    }

    List<User> findPatients(Connection c, String text, int max) throws SQLException {
        String lower = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (lower.isEmpty()) {
            return List.of();
        }
        String digits = lower.replaceAll("[^0-9]", "");
        String pattern = "%" + lower.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return list(c, SELECT + "WHERE role = ? AND (lower(name) LIKE ? OR lower(record->>'email') LIKE ?"
                + " OR (? AND regexp_replace(phone, '[^0-9]', '', 'g') LIKE ?))" + BY_NAME + " LIMIT ?", this::read,
                Role.PATIENT.code(), pattern, pattern, digits.length() >= 4, "%" + digits + "%", max);
    }

    void insert(Connection c, User user) throws SQLException {
        execute(c, "INSERT INTO users (email_key, role, name, phone, record, id) VALUES (?, ?, ?, ?, ?, ?)",
                columns(user));
        putWaitlist(c, user);
    }

    void update(Connection c, User user) throws SQLException {
        execute(c, "UPDATE users SET email_key = ?, role = ?, name = ?, phone = ?, record = ? WHERE id = ?",
                columns(user));
        putWaitlist(c, user);
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
