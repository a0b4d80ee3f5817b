package org.clinic.appointments.tools;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.BookingLimits;
import org.clinic.appointments.domain.ClinicSchedule;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.Role;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.infrastructure.postgres.PostgresBook;
import org.clinic.appointments.infrastructure.postgres.PostgresSchema;
import org.clinic.appointments.infrastructure.postgres.PostgresServer;

/**
 * Holds on PostgreSQL from concurrent writers, each checked against the clinic's schedule and its patient's limits, all for one doctor (every hold reads that doctor's row, the case a
 * lock on it would make wait) or each writer for a doctor of its own: holds per second and their p50 / p99. A
 * throw-away server on a temporary directory ({@link PostgresServer}: {@code fsync} off), pooled connections.
 * Usage: {@code PostgresHolds [writers] [holds per writer] [rounds]}.
 */
public final class PostgresHolds {

    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("hh:mm a", Locale.ENGLISH);
    /** The product's default limits: each hold is its patient's first, so all of them are read and none refuses. */
    private static final BookingLimits CLINIC = new BookingLimits(3, 4, 2, 2, 3, 30, Duration.ofMinutes(10), ZONE);
    private static final List<String> QUARTER_HOURS = java.util.stream.IntStream.range(0, 96)
            .mapToObj(q -> LocalTime.MIDNIGHT.plusMinutes(15L * q).format(TIME)).toList();

    private PostgresHolds() {
    }

    public static void main(String[] args) throws Exception {
        int writers = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int perWriter = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        for (int round = 0; round < rounds; round++) {
            for (boolean oneDoctor : new boolean[] {true, false}) {
                List<Connection> opened = new ArrayList<>();
                DataSource source = pooled(opened, PostgresServer.shared().createDatabase("holds_" + round + (oneDoctor ? "_one" : "_own")),
                        writers);
                PostgresSchema.migrate(source);
                PostgresBook book = new PostgresBook(source, ZONE, Clock.systemUTC());
                book.offerOnly(new ClinicSchedule.DefaultWeek(EnumSet.allOf(DayOfWeek.class), QUARTER_HOURS));
                run(book, writers, perWriter, oneDoctor);
                for (Connection connection : opened) {
                    connection.close();
                }
            }
        }
        System.exit(0);
    }

    private static void run(PostgresBook book, int writers, int perWriter, boolean oneDoctor) throws Exception {
        List<Doctor> doctors = new ArrayList<>();
        for (int d = 0; d < (oneDoctor ? 1 : writers); d++) {
            Doctor doctor = new Doctor();
            doctor.setId("doc" + d);
            doctor.setName("Dr. Doctor " + d);
            doctor.setSpecialization("Cardiology");
            doctor.setFee(new BigDecimal("700"));
            doctors.add(book.addDoctor(doctor, "admin"));
        }
        List<User> patients = new ArrayList<>();
        for (int i = 0; i < writers * perWriter; i++) {
            patients.add(book.registerUser(patient(), "system"));
        }
        long[] nanos = new long[writers * perWriter];
        AtomicInteger next = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        List<Future<?>> done = new ArrayList<>();
        long started = System.nanoTime();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            done.add(threads.submit(() -> {
                Doctor doctor = doctors.get(oneDoctor ? 0 : writer);
                for (int i = 0; i < perWriter; i++) {
                    int n = next.getAndIncrement();
                    User patient = patients.get(n);
                    int slot = oneDoctor ? n : writer * perWriter + i;
                    LocalDate date = LocalDate.now(ZONE).plusDays(1 + slot / 96);
                    String time = QUARTER_HOURS.get(slot % 96);
                    Instant now = Instant.now();
                    Appointment hold = Appointment.hold(UUID.randomUUID().toString(), patient, doctor, date, time,
                            "Check-up", now, now.plus(Duration.ofMinutes(15)));
                    long t0 = System.nanoTime();
                    book.hold(hold, patient.getId(), CLINIC);
                    nanos[n] = System.nanoTime() - t0;
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        threads.shutdown();
        Arrays.sort(nanos);
        System.out.printf("%s, %d writers: %,d holds, %.0f holds/s, hold p50 %.2f ms, p99 %.2f ms%n",
                oneDoctor ? "one doctor" : "a doctor each", writers, nanos.length, nanos.length / seconds,
                nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 99 / 100] / 1e6);
    }

    private static User patient() {
        User user = new User();
        user.setId(UUID.randomUUID().toString());
        user.setName("Patient " + user.getId().substring(0, 8));
        user.setEmail(user.getId() + "@example.com");
        user.setRole(Role.PATIENT);
        user.setPassword("hash");
        user.setCreatedAt(Instant.now());
        return user;
    }

    /** The data source's connections, kept open and handed out again, as the server's pool does. */
    private static DataSource pooled(List<Connection> opened, DataSource source, int size) throws SQLException {
        BlockingQueue<Connection> idle = new ArrayBlockingQueue<>(size + 2);
        for (int i = 0; i < size + 2; i++) {
            opened.add(source.getConnection());
        }
        idle.addAll(opened);
        return (DataSource) Proxy.newProxyInstance(PostgresHolds.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return lent(idle.take(), idle);
                    }
                    if (method.getName().equals("getLogWriter")) {
                        return new PrintWriter(System.err);
                    }
                    throw new SQLFeatureNotSupportedException(method.getName());
                });
    }

    private static Connection lent(Connection connection, BlockingQueue<Connection> idle) {
        java.util.concurrent.atomic.AtomicBoolean returned = new java.util.concurrent.atomic.AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(PostgresHolds.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        if (returned.getAndSet(true)) {
                            return null;
                        }
                        if (!connection.getAutoCommit()) {
                            connection.rollback();
                        }
                        idle.add(connection);
                        return null;
                    }
                    if (method.getName().equals("isClosed")) {
                        return returned.get();
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
