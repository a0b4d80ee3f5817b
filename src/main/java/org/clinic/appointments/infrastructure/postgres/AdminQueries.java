package org.clinic.appointments.infrastructure.postgres;

import static org.clinic.appointments.infrastructure.postgres.Database.list;
import static org.clinic.appointments.infrastructure.postgres.Database.one;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.AppointmentQuery;
import org.clinic.appointments.domain.AppointmentSort;
import org.clinic.appointments.domain.AppointmentStatus;
import org.clinic.appointments.domain.AuditEntry;
import org.clinic.appointments.domain.AuditQuery;
import org.clinic.appointments.domain.ClinicFigures;
import org.clinic.appointments.domain.Page;
import org.clinic.appointments.domain.PaymentMethod;
import org.clinic.appointments.domain.PaymentStatus;
import org.clinic.appointments.infrastructure.ledger.RecordJson;

/** The admin dashboard's and audit trail's queries, each served by an index of the schema. */
final class AdminQueries {

    private static final String SLOT_ORDER = "date %1$s, minute_of_day %1$s, id %1$s";

    private final AppointmentTable appointments;
    private final RecordJson json;

    AdminQueries(AppointmentTable appointments, RecordJson json) {
        this.appointments = appointments;
        this.json = json;
    }

    Page<Appointment> search(Connection c, AppointmentQuery query, AppointmentSort sort, boolean ascending, int first,
            int size) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String where = where(query, parameters);
        int total = query.from() == null && query.to() == null && query.text() == null ? countedTotal(c, query)
                : one(c, "SELECT count(*) FROM appointments" + where, row -> row.getInt(1), parameters.toArray())
                        .orElse(0);
        String direction = ascending ? "ASC" : "DESC";
        String order = sort == AppointmentSort.SLOT ? SLOT_ORDER.formatted(direction)
                : primary(sort) + " " + direction + " NULLS " + (ascending ? "FIRST" : "LAST") + ", "
                        + SLOT_ORDER.formatted(direction);
        // A text matches few rows: find them first (trigram index), then order, rather than walk an order's index.
        String from = query.text() == null ? "appointments" + where
                : "(WITH matching AS MATERIALIZED (SELECT * FROM appointments" + where + ") SELECT * FROM matching)"
                        + " appointments";
        parameters.add(size);
        parameters.add(first);
        List<Appointment> rows = list(c, "SELECT record::text AS record FROM " + from + " ORDER BY " + order
                + " LIMIT ? OFFSET ?", appointments::read, parameters.toArray());
        return new Page<>(rows, total);
    }

    /** How many appointments there are, of any status. */
    static long total(Connection c) throws SQLException {
        return one(c, "SELECT coalesce(sum(appointments), 0) FROM appointment_counts", row -> row.getLong(1)).orElse(0L);
    }

    /** How many match filters the counts table keeps (doctor, status, payment status and method), without a scan. */
    private static int countedTotal(Connection c, AppointmentQuery q) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE true");
        condition(where, parameters, "doctor_id = ?", q.doctorId());
        condition(where, parameters, "status = ?", q.status() == null ? null : q.status().code());
        condition(where, parameters, "payment_status = ?", q.paymentStatus() == null ? null : q.paymentStatus().code());
        condition(where, parameters, "payment_method = ?", q.paymentMethod() == null ? null : q.paymentMethod().code());
        return one(c, "SELECT coalesce(sum(appointments), 0) FROM appointment_counts" + where, row -> row.getInt(1),
                parameters.toArray()).orElse(0);
    }

    private static String primary(AppointmentSort sort) {
        return switch (sort) {
            case SLOT -> "date";
            case BOOKED -> "booked_at";
            case PATIENT -> "lower(patient_name)";
            case DOCTOR -> "lower(doctor_name)";
            case STATUS -> "status";
            case PAYMENT -> "coalesce(payment_status, '')";
            case AMOUNT -> "amount";
        };
    }

    private static String where(AppointmentQuery q, List<Object> parameters) {
        StringBuilder where = new StringBuilder(" WHERE true");
        condition(where, parameters, "doctor_id = ?", q.doctorId());
        condition(where, parameters, "date >= ?", q.from());
        condition(where, parameters, "date <= ?", q.to());
        condition(where, parameters, "status = ?", q.status() == null ? null : q.status().code());
        condition(where, parameters, "payment_status = ?", q.paymentStatus() == null ? null : q.paymentStatus().code());
        condition(where, parameters, "payment_method = ?", q.paymentMethod() == null ? null : q.paymentMethod().code());
        if (q.text() != null) {
            String lower = q.text().toLowerCase(java.util.Locale.ROOT);
            where.append(" AND (patient_key LIKE ? OR lower(transaction_id) = ? OR lower(id) = ?)");
            parameters.add("%" + lower.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            parameters.add(lower);
            parameters.add(lower);
        }
        return where.toString();
    }

    private static void condition(StringBuilder where, List<Object> parameters, String sql, Object value) {
        if (value != null) {
            where.append(" AND ").append(sql);
            parameters.add(value);
        }
    }

    /** The audit trail's filters on a table of changes {@code h} (with {@code actor}, {@code action}, {@code at}). */
    static String auditWhere(AuditQuery query, List<Object> parameters) {
        StringBuilder where = new StringBuilder(" WHERE true");
        condition(where, parameters, "h.actor = ?", query.actor());
        condition(where, parameters, "h.action = ?", query.action());
        condition(where, parameters, "h.at >= ?", query.from());
        condition(where, parameters, "h.at < ?", query.until());
        return where.toString();
    }

    /** The audit trail's tables of changes, with the kind {@code change_counts} counts them under. */
    enum ChangeTable {
        APPOINTMENTS("appointment", "appointment_changes"),
        ACCOUNTS("account", "account_changes");

        private final String kind;
        private final String table;

        ChangeTable(String kind, String table) {
            this.kind = kind;
            this.table = table;
        }
    }

    /**
     * How many changes of the table the query matches: from {@code change_counts} when it filters by action at
     * most, else counted through the table's indexes.
     */
    static int auditTotal(Connection c, ChangeTable changes, AuditQuery query) throws SQLException {
        if (query.actor() == null && query.from() == null && query.until() == null) {
            return one(c, "SELECT coalesce(sum(changes), 0) FROM change_counts WHERE kind = ?"
                    + (query.action() == null ? "" : " AND action = ?"), row -> row.getInt(1),
                    query.action() == null ? new Object[] {changes.kind} : new Object[] {changes.kind, query.action()})
                    .orElse(0);
        }
        List<Object> parameters = new ArrayList<>();
        return one(c, "SELECT count(*) FROM " + changes.table + " h" + auditWhere(query, parameters),
                row -> row.getInt(1), parameters.toArray()).orElse(0);
    }

    Page<AuditEntry> audit(Connection c, AuditQuery query, int first, int size) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String where = auditWhere(query, parameters);
        int total = auditTotal(c, ChangeTable.APPOINTMENTS, query);
        parameters.add(size);
        parameters.add(first);
        List<AuditEntry> rows = list(c, "SELECT h.appointment_id, a.patient_name, a.doctor_name, a.date, a.time,"
                + " h.entry::text AS entry FROM appointment_changes h JOIN appointments a ON a.id = h.appointment_id"
                + where + " ORDER BY h.at DESC NULLS LAST, h.appointment_id DESC, h.entry_index DESC LIMIT ? OFFSET ?",
                row -> new AuditEntry(row.getString(1), row.getString(2), row.getString(3),
                        row.getObject(4, java.time.LocalDate.class), row.getString(5),
                        json.historyEntry(row.getString("entry"))), parameters.toArray());
        return new Page<>(rows, total);
    }

    ClinicFigures figures(Connection c, List<String> doctorOrder) throws SQLException {
        Map<AppointmentStatus, Integer> byStatus = new EnumMap<>(AppointmentStatus.class);
        for (AppointmentStatus s : AppointmentStatus.values()) {
            byStatus.put(s, 0);
        }
        Map<PaymentStatus, Integer> byPayment = new EnumMap<>(PaymentStatus.class);
        for (PaymentStatus s : PaymentStatus.values()) {
            byPayment.put(s, 0);
        }
        Map<PaymentMethod, Integer> byMethod = new EnumMap<>(PaymentMethod.class);
        for (PaymentMethod m : PaymentMethod.values()) {
            byMethod.put(m, 0);
        }
        Map<String, int[]> doctors = new LinkedHashMap<>();
        doctorOrder.forEach(id -> doctors.put(id, new int[5]));
        int[] totals = new int[2];
        BigDecimal[] money = {BigDecimal.ZERO, BigDecimal.ZERO};
        list(c, "SELECT doctor_id, status, payment_status, payment_method, sum(appointments), sum(amount)"
                + " FROM appointment_counts GROUP BY doctor_id, status, payment_status, payment_method", row -> {
                    AppointmentStatus status = AppointmentStatus.fromCode(row.getString(2));
                    String payment = row.getString(3).isEmpty() ? null : row.getString(3);
                    String method = row.getString(4).isEmpty() ? null : row.getString(4);
                    int count = row.getInt(5);
                    BigDecimal amount = row.getBigDecimal(6);
                    totals[0] += count;
                    byStatus.merge(status, count, Integer::sum);
                    if (payment == null) {
                        totals[1] += count;
                    } else {
                        PaymentStatus paymentStatus = PaymentStatus.fromCode(payment);
                        byPayment.merge(paymentStatus, count, Integer::sum);
                        if (paymentStatus == PaymentStatus.SUCCESS) {
                            money[0] = money[0].add(amount);
                        } else if (paymentStatus == PaymentStatus.REFUNDED) {
                            money[1] = money[1].add(amount);
                        }
                    }
                    if (method != null) {
                        byMethod.merge(PaymentMethod.fromCode(method), count, Integer::sum);
                    }
                    int[] doctor = doctors.computeIfAbsent(row.getString(1), id -> new int[5]);
                    doctor[0] += count;
                    switch (status) {
                        case CONFIRMED -> doctor[1] += count;
                        case PENDING_PAYMENT -> doctor[2] += count;
                        case CANCELLED -> doctor[3] += count;
                        case NO_SHOW -> doctor[4] += count;
                        default -> { }
                    }
                    return null;
                });
        Map<String, ClinicFigures.DoctorFigures> byDoctor = new LinkedHashMap<>();
        doctors.forEach((id, n) -> byDoctor.put(id, new ClinicFigures.DoctorFigures(n[0], n[1], n[2], n[3], n[4])));
        return new ClinicFigures(totals[0], byStatus, byPayment, byMethod, totals[1], money[0], money[1], byDoctor);
    }
}
