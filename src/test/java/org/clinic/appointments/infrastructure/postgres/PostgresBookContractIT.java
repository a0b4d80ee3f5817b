package org.clinic.appointments.infrastructure.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.AppointmentStatus;
import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.Holiday;
import org.clinic.appointments.domain.WaitlistPlace;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.SlotTakenException;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.infrastructure.ledger.RecordJson;
import org.junit.jupiter.api.Test;

import org.clinic.appointments.LogLines;
import org.clinic.appointments.domain.port.AppointmentBook;
import org.clinic.appointments.infrastructure.AppointmentBookContract;

/** The port's contract on PostgreSQL; "reopen" is another store on the same database, as a second node has. */
class PostgresBookContractIT extends AppointmentBookContract {

    private static DataSource database;


    @Override
    protected AppointmentBook openEmpty() {
        emptied(database());
        return opened();
    }

    private static synchronized DataSource database() {
        if (database == null) {
            database = PostgresServer.shared().createDatabase("contract");
            PostgresSchema.migrate(database);
        }
        return database;
    }

    private static void emptied(DataSource source) {
        try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE appointment_counts, change_counts, appointment_changes, appointments, wait_requests, account_changes,"
                    + " users, doctors, photos, clinic_settings, clinic_changes RESTART IDENTITY");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private PostgresBook opened() {
        PostgresBook book = new PostgresBook(database, ZONE, clock);
        book.offerOnly(WEEK);
        book.offerFreedSlots(TERMS);
        return book;
    }

    @Override
    protected AppointmentBook reopen() {
        return opened();
    }

    /** Two nodes that both checked the slot free before either wrote: the database keeps the second out. */
    @Test
    void theDatabaseKeepsASecondHolderOutWhenBothCheckedTheSlotFree() throws SQLException {
        AppointmentBook book = opened();
        Doctor doctor = book.doctor("doc1").orElseThrow();
        AppointmentTable table = new AppointmentTable(new RecordJson(ZONE));
        Database db = new Database(database);
        User patient = new User();
        patient.setId("p1");
        patient.setName("Asha Rao");
        Instant now = clock.instant();
        Appointment first = Appointment.hold("a1", patient, doctor, DAY, "09:00 AM", "x", now, now.plusSeconds(900));
        Appointment second = Appointment.hold("a2", patient, doctor, DAY, "09:00 AM", "x", now, now.plusSeconds(900));
        db.inTransaction(first.slot(), c -> {
            table.insert(c, first);
            return null;
        });
        assertThrows(SlotTakenException.class, () -> db.inTransaction(second.slot(), c -> {
            table.insert(c, second);
            return null;
        }));
        assertTrue(book.appointment("a2").isEmpty());
    }

    /** A holiday set on one node closes the day at once on a node that had read the schedule before it. */
    @Test
    void aScheduleChangedOnOneNodeHoldsOnTheOtherAtOnce() {
        AppointmentBook nodeA = opened();
        AppointmentBook nodeB = opened();
        User patient = registered("Asha Rao");
        Doctor doctor = nodeA.doctor("doc1").orElseThrow();
        assertTrue(nodeA.schedule().holiday(DAY).isEmpty());
        nodeB.changeSchedule("admin", ChangeType.HOLIDAY_ADDED, s -> s.withHoliday(new Holiday(DAY, "Festival")));
        assertEquals("Festival", nodeA.schedule().holiday(DAY).orElseThrow().name());
        Instant now = clock.instant();
        BookingException closed = assertThrows(BookingException.class, () -> nodeA.hold(Appointment.hold("a1", patient,
                doctor, DAY, "09:00 AM", "x", now, now.plusSeconds(900)), patient.getId(), LIMITS));
        assertEquals("booking.slot.not_working", closed.getMessageKey());
        nodeB.changeSchedule("admin", ChangeType.HOLIDAY_REMOVED, s -> s.withoutHoliday(DAY));
        assertTrue(nodeA.schedule().holiday(DAY).isEmpty());
        nodeA.hold(Appointment.hold("a2", patient, doctor, DAY, "09:00 AM", "x", now, now.plusSeconds(900)),
                patient.getId(), LIMITS);
        assertEquals(AppointmentStatus.PENDING_PAYMENT, nodeB.appointment("a2").orElseThrow().getStatus());
    }

    /** The trail's row of a schedule change holds the schedule's state, not every change recorded before it. */
    @Test
    void aScheduleChangesTrailRowDoesNotGrowWithTheSchedulesChanges() throws SQLException {
        for (int i = 0; i < 100; i++) {
            Holiday holiday = new Holiday(DAY, "Festival " + i);
            Instant at = clock.instant().plusSeconds(i);
            book.changeSchedule("admin", ChangeType.HOLIDAY_ADDED, s -> s.withoutHoliday(DAY).withHoliday(holiday)
                    .recorded(org.clinic.appointments.domain.ScheduleChange.holidayAdded(at, "admin", holiday)));
        }
        assertEquals(100, book.schedule().changes().size());
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
                java.sql.ResultSet sizes = s.executeQuery("SELECT length(record::text) FROM clinic_changes"
                        + " WHERE type = '" + ChangeType.HOLIDAY_ADDED.code() + "' ORDER BY seq")) {
            List<Integer> lengths = new java.util.ArrayList<>();
            while (sizes.next()) {
                lengths.add(sizes.getInt(1));
            }
            assertEquals(100, lengths.size());
            assertTrue(lengths.get(99) <= lengths.get(0) * 1.5,
                    "first row " + lengths.get(0) + ", 100th " + lengths.get(99));
        }
    }

    /** Two nodes sending the outbox at once: each due message goes to one of them, and comes back if it is not sent. */
    @Test
    void eachDueMessageGoesToOneNodeAtATime() {
        AppointmentBook nodeA = opened();
        AppointmentBook nodeB = opened();
        List<String> times = List.of("09:00 AM", "10:00 AM", "11:00 AM");
        for (int i = 0; i < 6; i++) {
            User patient = new User();
            patient.setId("p" + i);
            patient.setName("Patient " + i);
            patient.setEmail("p" + i + "@example.com");
            patient.setRole(org.clinic.appointments.domain.Role.PATIENT);
            nodeA.registerUser(patient, "system");
            Doctor doctor = nodeA.doctor(i < 3 ? "doc1" : "doc2").orElseThrow();
            Appointment desk = Appointment.bookedAtDesk("a" + i, patient, doctor, DAY, times.get(i % 3), "x",
                    clock.instant(), "admin", false);
            nodeA.hold(desk, "admin", new org.clinic.appointments.domain.BookingLimits(10));
        }
        List<Appointment> toA = nodeA.withDueMessages(4);
        List<Appointment> toB = nodeB.withDueMessages(10);
        assertEquals(4, toA.size());
        assertEquals(2, toB.size(), "the rest");
        assertTrue(toA.stream().noneMatch(a -> toB.stream().anyMatch(b -> b.getId().equals(a.getId()))), "none to both");
        assertTrue(nodeB.withDueMessages(10).isEmpty(), "taken for now");
        clock.advance(PostgresBook.MESSAGE_CLAIM.plusSeconds(1));
        assertEquals(6, nodeB.withDueMessages(10).size(), "what was not sent comes back");
    }

    /**
     * Another node took the slot a cancellation let go between this node's check and its waitlist offer (the database
     * answers the offer as it would then): the offer is undone, the cancellation stands, the patient stays first in
     * line, and the change log tells of no offer.
     */
    @Test
    void aWaitlistOfferWhoseSlotWasTakenMeanwhileIsUndoneAndTheCancellationStands() throws SQLException {
        assertOfferUndoneWhen("appointments", "NEW.record->>'waitlist_entry' IS NOT NULL",
                "duplicate key value violates unique constraint \"" + Database.ONE_PER_SLOT + "\"");
    }

    /** The offer's last step fails after the offer itself was written: all of it is undone, its log line too. */
    @Test
    void aWaitlistOfferWhoseLastStepFailsIsUndoneWithItsLogLine() throws SQLException {
        assertOfferUndoneWhen("clinic_changes", "NEW.type = '" + ChangeType.WAITLIST_OFFER_MADE.code() + "'",
                "could not record the offer");
    }

    private void assertOfferUndoneWhen(String table, String condition, String error) throws SQLException {
        execute("CREATE FUNCTION offer_fails() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF " + condition
                + " THEN RAISE unique_violation USING MESSAGE = '" + error + "'; END IF; RETURN NEW; END $$");
        execute("CREATE TRIGGER offer_fails BEFORE INSERT ON " + table + " FOR EACH ROW EXECUTE FUNCTION offer_fails()");
        try (LogLines changes = LogLines.of(Logger.getLogger("org.clinic.appointments.changes"))) {
            User leaving = registered("Leaving Patient");
            User waiting = registered("Waiting Patient");
            Appointment original = confirmed(leaving, "doc1", "09:00 AM");
            join(waiting, clock.instant());

            book.change(original.getId(), "admin", ChangeType.CANCELLED,
                    a -> a.cancelledForLeave("leave", clock.instant(), "admin"));

            assertEquals(AppointmentStatus.CANCELLED, book.appointment(original.getId()).orElseThrow().getStatus());
            assertTrue(book.appointmentsOfPatient(waiting.getId()).isEmpty(), "no offer was stored");
            assertEquals(List.of(waiting.getId()),
                    book.waitlist("doc1", DAY).stream().map(WaitlistPlace::userId).toList());
            assertTrue(changes.lines().stream().anyMatch(line -> line.contains(ChangeType.CANCELLED.code())),
                    changes.lines().toString());
            assertTrue(changes.lines().stream().noneMatch(line -> line.contains(ChangeType.WAITLIST_OFFERED.code())),
                    changes.lines().toString());
        } finally {
            execute("DROP TRIGGER offer_fails ON " + table);
            execute("DROP FUNCTION offer_fails()");
        }
    }

    /**
     * A hold stored while an admin's rename of its doctor is being stored waits for the rename and names the doctor
     * as renamed: the rename's carry-over, which reads the appointments once the rename is stored, cannot see it.
     */
    @Test
    void aHoldStoredDuringItsDoctorsRenameNamesTheDoctorAsRenamed() throws Exception {
        Future<Appointment> hold = holdDuring(inside -> book.changeDoctor("doc1", "admin", ChangeType.DOCTOR_EDITED, d -> {
            inside.run();
            d.setName("Dr. Asha Iyer-Menon");
            return d;
        }));
        Appointment held = hold.get();
        assertEquals("Dr. Asha Iyer-Menon", held.getDoctorName());
        assertEquals("Dr. Asha Iyer-Menon", book.appointment(held.getId()).orElseThrow().getDoctorName());
    }

    /**
     * A hold stored while a holiday on its day is being stored waits for it and is refused: the holiday's page, which
     * lists the day's appointments once the holiday is stored, cannot miss it.
     */
    @Test
    void aHoldStoredDuringAHolidayOnItsDayIsRefused() throws Exception {
        Future<Appointment> hold = holdDuring(inside -> book.changeSchedule("admin", ChangeType.HOLIDAY_ADDED, s -> {
            inside.run();
            return s.withHoliday(new Holiday(DAY, "Festival"));
        }));
        java.util.concurrent.ExecutionException refused = assertThrows(java.util.concurrent.ExecutionException.class,
                hold::get);
        assertEquals("booking.slot.not_working", ((BookingException) refused.getCause()).getMessageKey());
        assertTrue(book.appointmentsOf("doc1", DAY).isEmpty(), "nothing stored on the holiday");
    }

    /**
     * A new patient's hold of doc1's 09:00 on {@link #DAY}, started while another transaction is inside
     * {@code change} (where it runs what it is given, its locks taken); that transaction commits once the hold waits
     * on a lock or is done. Answers the hold, finished.
     */
    private Future<Appointment> holdDuring(java.util.function.Consumer<Runnable> change) throws Exception {
        User patient = registered("Asha Rao");
        Doctor doctor = book.doctor("doc1").orElseThrow();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> changing = threads.submit(() -> change.accept(() -> {
                inside.countDown();
                awaitQuietly(commit);
            }));
            assertTrue(inside.await(10, TimeUnit.SECONDS));
            Instant now = clock.instant();
            Future<Appointment> hold = threads.submit(() -> book.hold(Appointment.hold(UUID.randomUUID().toString(),
                    patient, doctor, DAY, "09:00 AM", "Check-up", now, now.plusSeconds(900)), patient.getId(), LIMITS));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!hold.isDone() && lockWaits() == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            commit.countDown();
            changing.get(10, TimeUnit.SECONDS);
            threads.shutdown();
            assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS), "the hold finished");
            return hold;
        } finally {
            commit.countDown();
            threads.shutdownNow();
        }
    }

    private static long lockWaits() throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
                java.sql.ResultSet waits = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                        + " AND datname = current_database()")) {
            waits.next();
            return waits.getLong(1);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    protected void close() {
        // the database outlives the store, as it outlives a node
    }
}
