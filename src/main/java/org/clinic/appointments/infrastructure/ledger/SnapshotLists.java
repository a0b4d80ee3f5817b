package org.clinic.appointments.infrastructure.ledger;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import org.clinic.appointments.domain.Appointment;

/**
 * The patients' and the doctors' lists of a snapshot just loaded, built in one sorted pass over the columns instead
 * of a hash lookup per record as it arrives (the records of a million touch a hundred thousand lists at random).
 * Each list holds its ids (a patient's) or rows (a doctor's day) in row order, which is booking order.
 */
final class SnapshotLists {

    private SnapshotLists() {
    }

    /** Fills the empty {@code byPatient}, and each row's patient search key in the columns. */
    static void byPatient(AppointmentColumns columns, Map<String, PatientRows> byPatient) {
        int size = columns.size();
        long[] byHash = new long[size];
        for (int row = 0; row < size; row++) {
            byHash[row] = ((long) columns.row(row).getUserId().hashCode() << 32) | row;
        }
        Arrays.sort(byHash);
        boolean[] done = new boolean[size];
        for (int start = 0, end; start < size; start = end) {
            end = start + 1;
            while (end < size && byHash[end] >>> 32 == byHash[start] >>> 32) {
                end++;
            }
            for (int first = start; first < end; first++) {
                int firstRow = (int) byHash[first];
                if (!done[firstRow]) {
                    String userId = columns.row(firstRow).getUserId();
                    byPatient.put(userId, patient(columns, byHash, first, end, userId, done));
                }
            }
        }
    }

    /** The rows in {@code [first, end)} of one hash that are this patient's (usually all of them). */
    private static PatientRows patient(AppointmentColumns columns, long[] byHash, int first, int end, String userId,
            boolean[] done) {
        PatientRows patient = new PatientRows(end - first);
        for (int i = first; i < end; i++) {
            int row = (int) byHash[i];
            Appointment a = columns.row(row);
            if (!done[row] && a.getUserId().equals(userId)) {
                done[row] = true;
                patient.ids.add(a.getId());
                columns.setPatientKey(row, patient.searchKey(a));
            }
        }
        return patient;
    }

    /** Fills the empty {@code byDoctorDate}: each doctor's days, each day's rows. */
    static void byDoctorDate(AppointmentColumns columns, Map<String, TreeMap<LocalDate, RowList>> byDoctorDate) {
        int size = columns.size();
        int[] start = new int[columns.doctorCount() + 1];
        for (int row = 0; row < size; row++) {
            start[columns.doctorNumber(row) + 1]++;
        }
        Arrays.parallelPrefix(start, Integer::sum);
        int[] next = start.clone();
        long[] byDay = new long[size];
        for (int row = 0; row < size; row++) {
            byDay[next[columns.doctorNumber(row)]++] = ((long) columns.epochDay(row) << 32) | row;
        }
        for (int doctor = 0; doctor + 1 < start.length; doctor++) {
            if (start[doctor] == start[doctor + 1]) {
                continue;
            }
            Arrays.sort(byDay, start[doctor], start[doctor + 1]);
            TreeMap<LocalDate, RowList> days = new TreeMap<>();
            for (int from = start[doctor], to; from < start[doctor + 1]; from = to) {
                to = from + 1;
                while (to < start[doctor + 1] && byDay[to] >>> 32 == byDay[from] >>> 32) {
                    to++;
                }
                RowList rows = new RowList(to - from);
                for (int i = from; i < to; i++) {
                    rows.add((int) byDay[i]);
                }
                days.put(columns.row((int) byDay[from]).getDate(), rows);
            }
            byDoctorDate.put(columns.row((int) byDay[start[doctor]]).getDoctorId(), days);
        }
    }
}
