package org.clinic.appointments.infrastructure.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Logger;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.AppointmentQuery;
import org.clinic.appointments.domain.AppointmentSort;
import org.clinic.appointments.domain.AppointmentStatus;
import org.clinic.appointments.domain.AuditEntry;
import org.clinic.appointments.domain.AuditQuery;
import org.clinic.appointments.domain.Page;
import org.clinic.appointments.domain.SlotKey;

/**
 * The appointments in memory and every index the pages read: by id (the columns), by slot owner, by patient,
 * by doctor and date, the pending ones, the figures and the audit trail. Stored records are never mutated after
 * they are put in: a change replaces the record, and callers get copies.
 */
final class AppointmentIndex {

    private static final Logger LOG = Logger.getLogger(AppointmentIndex.class.getName());
    /** Pages that end within this many rows are picked in the same pass that counts the matches. */
    static final int ONE_PASS_ROWS = 100;

    private SlotTable slotOwner = new SlotTable(1024);
    private final Map<String, PatientRows> byPatient = new HashMap<>();
    private final Map<String, TreeMap<LocalDate, RowList>> rowsByDoctorDate = new HashMap<>();
    /** While a snapshot loads, the lists by patient and by doctor and date wait for {@link #snapshotLoaded}. */
    private boolean snapshotLoading;
    private final Set<String> pendingIds = new LinkedHashSet<>();
    /** Appointments with a message not yet sent: what the sender looks at. */
    private final Set<String> withPendingMessages = new LinkedHashSet<>();
    private final FigureCounters figures = new FigureCounters();
    private final AppointmentColumns columns = new AppointmentColumns();
    private final AuditColumns auditColumns = new AuditColumns(columns);
    private final ValueSharing sharing = new ValueSharing();

    /** Stores the appointment (new or a new state of one stored) and updates every index in the same call. */
    void put(Appointment appointment, Instant now) {
        sharing.share(appointment);
        putShared(appointment, now);
    }

    /**
     * As {@link #put}, for an appointment whose values {@link #sharing()} has shared already: at start-up that is
     * done on the thread that reads the records, while this one indexes.
     */
    void putShared(Appointment appointment, Instant now) {
        Appointment previous = columns.get(appointment.getId());
        if (previous != null) {
            slotOwner.remove(previous.slot(), columns.rowOf(previous.getId()));
        }
        String patientKey = snapshotLoading ? null : listedForPatient(previous, appointment);
        figures.replace(previous, appointment);
        int row = columns.put(appointment, patientKey);
        if (!snapshotLoading) {
            listedForDoctorDay(previous, appointment, row);
        }
        auditColumns.put(row, previous, appointment);
        if (appointment.hasPendingMessage()) {
            withPendingMessages.add(appointment.getId());
        } else {
            withPendingMessages.remove(appointment.getId());
        }
        if (appointment.getStatus() == AppointmentStatus.PENDING_PAYMENT) {
            pendingIds.add(appointment.getId());
        } else {
            pendingIds.remove(appointment.getId());
        }
        if (appointment.getStatus().holdsSlot()) {
            SlotKey slot = appointment.slot();
            int other = slotOwner.get(slot);
            Appointment otherAppointment = other == SlotTable.ABSENT ? null : columns.row(other);
            if (otherAppointment == null || !otherAppointment.holdsSlot(now)) {
                slotOwner.put(slot, row);
            } else if (other != row) {
                String kept = otherAppointment.getId();
                LOG.warning(() -> "Appointments " + kept + " and " + appointment.getId() + " both claim " + slot + "; "
                        + kept + " keeps the slot");
            }
        }
    }

    /** Puts the appointment's id in its patient's list, out of its previous patient's; answers the search key. */
    private String listedForPatient(Appointment previous, Appointment appointment) {
        PatientRows patient = byPatient.computeIfAbsent(appointment.getUserId(), k -> new PatientRows());
        if (previous == null) {
            patient.ids.add(appointment.getId());
        } else if (!previous.getUserId().equals(appointment.getUserId())) {
            PatientRows earlierPatient = byPatient.get(previous.getUserId());
            if (earlierPatient != null) {
                earlierPatient.ids.remove(previous.getId());
            }
            inBookingOrder(patient.ids, appointment.getId());
        }
        return patient.searchKey(appointment);
    }

    /** Puts the appointment's row in its doctor's day, out of the day of its previous state. */
    private void listedForDoctorDay(Appointment previous, Appointment appointment, int row) {
        if (previous != null && previous.getDoctorId().equals(appointment.getDoctorId())
                && previous.getDate().equals(appointment.getDate())) {
            return;
        }
        if (previous != null) {
            doctorDay(previous.getDoctorId(), previous.getDate()).remove(row);
        }
        doctorDay(appointment.getDoctorId(), appointment.getDate()).add(row);
    }

    /** Adds the id of an appointment moved to another patient where a reload would find it: in booking order. */
    private void inBookingOrder(List<String> ids, String id) {
        int row = columns.rowOf(id);
        int at = ids.size();
        while (at > 0 && columns.rowOf(ids.get(at - 1)) > row) {
            at--;
        }
        ids.add(at, id);
    }

    private RowList doctorDay(String doctorId, LocalDate date) {
        return rowsByDoctorDate.computeIfAbsent(doctorId, k -> new TreeMap<>()).computeIfAbsent(date,
                k -> new RowList());
    }

    ValueSharing sharing() {
        return sharing;
    }

    /** Makes room for this many appointments before a load of a known size. */
    void expect(int count) {
        columns.expect(count);
        if (slotOwner.size() == 0) {
            slotOwner = new SlotTable(count);
        }
    }

    /** Before the snapshot's records, into an empty index: their lists by patient and by doctor wait for the end. */
    void snapshotLoading() {
        if (columns.size() > 0) {
            throw new IllegalStateException("A snapshot loads into an empty index");
        }
        snapshotLoading = true;
    }

    /** After the snapshot's records, before the journal's: builds the lists by patient and by doctor and date. */
    void snapshotLoaded() {
        if (snapshotLoading) {
            SnapshotLists.byPatient(columns, byPatient);
            SnapshotLists.byDoctorDate(columns, rowsByDoctorDate);
            snapshotLoading = false;
        }
    }

    /** Makes room for growth and builds the name orders: once, when the ledger has loaded. */
    void loaded() {
        columns.fitToSize();
        auditColumns.fitToSize();
    }

    /** The stored record (not a copy): only for the ledger's own use. */
    Appointment stored(String id) {
        return id == null ? null : columns.get(id);
    }

    int size() {
        return columns.size();
    }

    /** The stored records, in the order they were first stored, copied by reference: a consistent view for snapshots. */
    List<Appointment> storedRecords() {
        return List.copyOf(columns.all());
    }

    /** The stored records of one patient (for the rules checked under the write lock). */
    List<Appointment> storedOfPatient(String userId) {
        return idsOfPatient(userId).stream().map(columns::get).toList();
    }

    private List<String> idsOfPatient(String userId) {
        PatientRows patient = byPatient.get(userId);
        return patient == null ? List.of() : patient.ids;
    }

    /** The pending appointments whose hold has run out. */
    List<String> expiredHolds(Instant now) {
        return pendingIds.stream().filter(id -> columns.get(id).isHoldExpired(now)).toList();
    }

    List<Appointment> withDueMessages(Instant now, int max) {
        return withPendingMessages.stream().map(columns::get)
                .filter(a -> a.getMessages().stream().anyMatch(m -> m.isDue(now)))
                .limit(max).map(Appointment::copy).toList();
    }

    int pendingCount() {
        return pendingIds.size();
    }

    FigureCounters figures() {
        return figures;
    }

    List<Appointment> ofPatientNewestFirst(String userId) {
        List<String> ids = idsOfPatient(userId);
        List<Appointment> result = new ArrayList<>(ids.size());
        for (int i = ids.size() - 1; i >= 0; i--) {
            result.add(columns.get(ids.get(i)).copy());
        }
        return result;
    }

    List<Appointment> of(String doctorId, LocalDate date) {
        TreeMap<LocalDate, RowList> byDate = rowsByDoctorDate.get(doctorId);
        RowList day = byDate == null ? null : byDate.get(date);
        if (day == null) {
            return List.of();
        }
        List<Appointment> result = new ArrayList<>(day.size());
        day.forEach(row -> result.add(columns.row(row).copy()));
        return result;
    }

    Map<LocalDate, Set<String>> takenTimes(String doctorId, LocalDate from, LocalDate to, Instant now) {
        TreeMap<LocalDate, RowList> byDate = rowsByDoctorDate.get(doctorId);
        Map<LocalDate, Set<String>> taken = new TreeMap<>();
        if (byDate == null || from.isAfter(to)) {
            return taken;
        }
        for (Map.Entry<LocalDate, RowList> day : byDate.subMap(from, true, to, true).entrySet()) {
            RowList rows = day.getValue();
            for (int i = 0; i < rows.size(); i++) {
                Appointment a = columns.row(rows.row(i));
                if (a.holdsSlot(now)) {
                    taken.computeIfAbsent(day.getKey(), d -> new TreeSet<>()).add(a.getTime());
                }
            }
        }
        return taken;
    }

    /** The appointment that keeps the slot from others now, if any (the stored record). */
    Optional<Appointment> liveOwner(SlotKey slot, Instant now) {
        int row = slotOwner.get(slot);
        Appointment owner = row == SlotTable.ABSENT ? null : columns.row(row);
        return owner != null && owner.holdsSlot(now) ? Optional.of(owner) : Optional.empty();
    }

    /**
     * One page of the appointments that match, in the order asked for, without copying or sorting the rest:
     * filters and the slot order read the columns; a query for one doctor looks only at their appointments.
     */
    Page<Appointment> search(AppointmentQuery query, AppointmentSort sort, boolean ascending, int first, int size) {
        Collection<RowList> scope = query.doctorId() == null ? null : daysInRange(query);
        int[] total = {0};
        List<Integer> rows;
        if (size > 0 && first >= 0 && first + size <= ONE_PASS_ROWS) {
            rows = TopK.front(columns.order(sort, ascending), first, size,
                    sink -> columns.forEachMatch(query, scope, row -> {
                        total[0]++;
                        sink.accept(row);
                    }));
        } else {
            columns.forEachMatch(query, scope, row -> total[0]++);
            rows = TopK.page(total[0], columns.order(sort, ascending), first, size,
                    sink -> columns.forEachMatch(query, scope, sink::accept));
        }
        return new Page<>(rows.stream().map(row -> columns.row(row).copy()).toList(), total[0]);
    }

    /** The days of the query's doctor within its dates. */
    private Collection<RowList> daysInRange(AppointmentQuery query) {
        TreeMap<LocalDate, RowList> byDate = rowsByDoctorDate.get(query.doctorId());
        return byDate == null ? List.of() : range(byDate, query.from(), query.to()).values();
    }

    private static Map<LocalDate, RowList> range(TreeMap<LocalDate, RowList> byDate, LocalDate from, LocalDate to) {
        if (from != null && to != null) {
            return from.isAfter(to) ? Map.of() : byDate.subMap(from, true, to, true);
        }
        if (from != null) {
            return byDate.tailMap(from, true);
        }
        return to != null ? byDate.headMap(to, true) : byDate;
    }

    Page<AuditEntry> audit(AuditQuery query, int first, int size) {
        return auditColumns.page(query, first, size);
    }
}
