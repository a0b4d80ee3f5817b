package org.clinic.appointments.tools;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.clinic.appointments.domain.AppointmentQuery;
import org.clinic.appointments.domain.AppointmentSort;
import org.clinic.appointments.domain.AppointmentStatus;
import org.clinic.appointments.domain.PaymentMethod;
import org.clinic.appointments.domain.PaymentStatus;
import org.clinic.appointments.domain.port.AppointmentBook;
import org.clinic.appointments.infrastructure.ledger.LedgerCore;
import org.clinic.appointments.infrastructure.postgres.PostgresBook;

/**
 * The store's part of the dashboard alone, one thread, no server: the time of one {@code search} (count and first
 * page of 25) for the filters and sorts an admin uses, and of the figures. Usage: {@code DashboardQueries <data dir
 * | jdbc:postgresql://…?user=…> [repetitions]}; point it at a generated ledger ({@link LedgerGenerator}) or a
 * database it was imported into.
 */
public final class DashboardQueries {

    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");

    private DashboardQueries() {
    }

    /** The store named: a data directory, or a PostgreSQL database by its JDBC address. */
    static AppointmentBook open(String where) {
        if (!where.startsWith("jdbc:")) {
            return LedgerCore.open(java.nio.file.Path.of(where), ZONE, Clock.systemUTC(), 0);
        }
        org.postgresql.ds.PGSimpleDataSource database = new org.postgresql.ds.PGSimpleDataSource();
        database.setURL(where);
        return new PostgresBook(oneConnection(database), ZONE, Clock.systemUTC());
    }

    /** One connection, kept open and handed out again, as the server's pool does (a new one costs some 30 ms). */
    private static javax.sql.DataSource oneConnection(org.postgresql.ds.PGSimpleDataSource database) {
        java.sql.Connection[] kept = new java.sql.Connection[1];
        return (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(DashboardQueries.class.getClassLoader(),
                new Class<?>[] {javax.sql.DataSource.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("getConnection")) {
                        return method.invoke(database, args);
                    }
                    if (kept[0] == null) {
                        kept[0] = database.getConnection();
                    }
                    java.sql.Connection connection = kept[0];
                    return java.lang.reflect.Proxy.newProxyInstance(DashboardQueries.class.getClassLoader(),
                            new Class<?>[] {java.sql.Connection.class}, (p, m, a) -> {
                                if (m.getName().equals("close")) {
                                    connection.setAutoCommit(true);
                                    return null;
                                }
                                try {
                                    return m.invoke(connection, a);
                                } catch (java.lang.reflect.InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
                });
    }

    public static void main(String[] args) throws Exception {
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        long loadStarted = System.nanoTime();
        AppointmentBook ledger = open(args[0]);
        try {
            System.out.printf("%s: %,d appointments, opened in %.1f s%n", args[0].startsWith("jdbc:") ? "postgresql"
                    : "ledger", ledger.figures().total(), (System.nanoTime() - loadStarted) / 1e9);
            AppointmentQuery all = AppointmentQuery.all();
            LocalDate today = LocalDate.now(ZONE);
            Map<String, Runnable> cases = new LinkedHashMap<>();
            cases.put("no filter, newest slot first", () -> ledger.search(all, AppointmentSort.SLOT, false, 0, 25));
            cases.put("no filter, page 400", () -> ledger.search(all, AppointmentSort.SLOT, false, 10_000, 25));
            cases.put("status=confirmed", () -> ledger.search(
                    new AppointmentQuery(null, null, null, AppointmentStatus.CONFIRMED, null, null, null),
                    AppointmentSort.SLOT, false, 0, 25));
            cases.put("payment=pending, method=clinic", () -> ledger.search(
                    new AppointmentQuery(null, null, null, null, PaymentStatus.PENDING, PaymentMethod.PAY_AT_CLINIC, null),
                    AppointmentSort.SLOT, false, 0, 25));
            cases.put("next 7 days", () -> ledger.search(all.withDates(today, today.plusDays(7)),
                    AppointmentSort.SLOT, true, 0, 25));
            cases.put("doctor gen-doc1", () -> ledger.search(all.withDoctor("gen-doc1"), AppointmentSort.SLOT, false,
                    0, 25));
            cases.put("sorted by patient", () -> ledger.search(all, AppointmentSort.PATIENT, true, 0, 25));
            cases.put("sorted by booking time", () -> ledger.search(all, AppointmentSort.BOOKED, false, 0, 25));
            cases.put("sorted by amount", () -> ledger.search(all, AppointmentSort.AMOUNT, false, 0, 25));
            cases.put("sorted by status", () -> ledger.search(all, AppointmentSort.STATUS, true, 0, 25));
            cases.put("sorted by payment", () -> ledger.search(all, AppointmentSort.PAYMENT, true, 0, 25));
            cases.put("text patient4711", () -> ledger.search(
                    new AppointmentQuery(null, null, null, null, null, null, "patient4711"),
                    AppointmentSort.SLOT, false, 0, 25));
            cases.put("figures", ledger::figures);
            for (Map.Entry<String, Runnable> c : cases.entrySet()) {
                long firstStarted = System.nanoTime();
                c.getValue().run();
                long firstNanos = System.nanoTime() - firstStarted;
                for (int i = 0; i < 20; i++) {
                    c.getValue().run();
                }
                long[] nanos = new long[repetitions];
                for (int i = 0; i < repetitions; i++) {
                    long started = System.nanoTime();
                    c.getValue().run();
                    nanos[i] = System.nanoTime() - started;
                }
                java.util.Arrays.sort(nanos);
                System.out.printf("%-34s first %7.2f ms  median %7.2f ms  p95 %7.2f ms%n", c.getKey(), firstNanos / 1e6,
                        nanos[repetitions / 2] / 1e6, nanos[(int) (repetitions * 0.95)] / 1e6);
            }
        } finally {
            if (ledger instanceof AutoCloseable store) {
                store.close();
            }
        }
    }
}
