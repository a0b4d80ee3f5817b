package org.clinic.appointments.infrastructure.ledger;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.AppointmentQuery;
import org.clinic.appointments.domain.AppointmentSort;
import org.clinic.appointments.domain.AppointmentStatus;
import org.clinic.appointments.domain.PaymentStatus;

/**
 * The fields the admin tables filter and sort on, one primitive array per field with a row per appointment,
 * so a query over a million appointments reads a few compact arrays instead of a million objects. Rows are
 * never removed (appointments are not deleted); a changed appointment keeps its row.
 */
final class AppointmentColumns {

    private static final int NONE = -1;

    private RowTable rowOf = new RowTable(1024);
    private final Map<String, Integer> doctorNumbers = new HashMap<>();
    private RowTable rowOfTransaction = new RowTable(1024);
    /** Lower-case patient name and e-mail ({@link AppointmentQuery#patientKey}), one shared string per patient. */
    private String[] patientKey = new String[1024];
    private final NameRanks patientNames = new NameRanks(Appointment::getUserName);
    private final NameRanks doctorNames = new NameRanks(Appointment::getDoctorName);
    private Appointment[] rows = new Appointment[1024];
    private int[] epochDay = new int[1024];
    private short[] minute = new short[1024];
    private long[] bookedAt = new long[1024];
    /** The amount in ten-thousandths, or {@link #NO_AMOUNT} / {@link #OTHER_AMOUNT} (finer or larger: compare objects). */
    private long[] amount = new long[1024];
    private static final long NO_AMOUNT = Long.MIN_VALUE;
    private static final long OTHER_AMOUNT = Long.MIN_VALUE + 1;
    private int[] doctor = new int[1024];
    private byte[] status = new byte[1024];
    private byte[] payment = new byte[1024];
    private byte[] method = new byte[1024];
    private int size;

    /**
     * Stores the appointment in its row (a new one for a new appointment) and answers the row; {@code patientKey} is
     * {@link AppointmentQuery#patientKey} of its patient's name and e-mail address, shared by their rows.
     */
    int put(Appointment a, String patientKey) {
        int existing = rowOf.get(a.getId());
        int row;
        if (existing == RowTable.ABSENT) {
            row = size++;
            if (row == rows.length) {
                grow();
            }
            rowOf.put(a.getId(), row);
        } else {
            row = existing;
        }
        Appointment previous = rows[row];
        if (previous != null && previous.getTransactionId() != null) {
            rowOfTransaction.remove(previous.getTransactionId().toUpperCase(Locale.ROOT), row);
        }
        if (a.getTransactionId() != null) {
            rowOfTransaction.put(a.getTransactionId().toUpperCase(Locale.ROOT), row);
        }
        rows[row] = a;
        patientNames.put(row, a, rows, size);
        doctorNames.put(row, a, rows, size);
        this.patientKey[row] = patientKey;
        epochDay[row] = (int) a.getDate().toEpochDay();
        minute[row] = (short) AppointmentSort.minuteOfDay(a.getTime());
        bookedAt[row] = a.getBookedAt() == null ? Long.MIN_VALUE : a.getBookedAt().getEpochSecond();
        amount[row] = amountColumn(a.getAmount());
        doctor[row] = doctorNumbers.computeIfAbsent(a.getDoctorId(), k -> doctorNumbers.size());
        status[row] = (byte) a.getStatus().ordinal();
        payment[row] = (byte) (a.getPaymentStatus() == null ? NONE : a.getPaymentStatus().ordinal());
        method[row] = (byte) (a.getPaymentMethod() == null ? NONE : a.getPaymentMethod().ordinal());
        return row;
    }

    private static long amountColumn(java.math.BigDecimal value) {
        if (value == null) {
            return NO_AMOUNT;
        }
        try {
            long tenThousandths = value.movePointRight(4).longValueExact();
            return tenThousandths > OTHER_AMOUNT ? tenThousandths : OTHER_AMOUNT;
        } catch (ArithmeticException finerOrTooLarge) {
            return OTHER_AMOUNT;
        }
    }

    private void grow() {
        resize(rows.length + (rows.length >> 1));
    }

    /** Makes room for this many appointments at once (before a load of a known size). */
    void expect(int count) {
        if (size == 0 && count > rows.length) {
            resize(count + 1024);
            rowOf = new RowTable(count);
            rowOfTransaction = new RowTable(count);
        }
    }

    /** Leaves room for an eighth more appointments than now and builds the name orders: once the ledger is loaded. */
    void fitToSize() {
        resize(size + (size >> 3) + 1024);
        Thread doctors = new Thread(() -> doctorNames.rebuild(rows, size), "ledger-doctor-names");
        doctors.start();
        patientNames.rebuild(rows, size);
        try {
            doctors.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerLoadException("Interrupted while loading the ledger", e);
        }
    }

    private void resize(int capacity) {
        rows = Arrays.copyOf(rows, capacity);
        patientKey = Arrays.copyOf(patientKey, capacity);
        epochDay = Arrays.copyOf(epochDay, capacity);
        minute = Arrays.copyOf(minute, capacity);
        bookedAt = Arrays.copyOf(bookedAt, capacity);
        amount = Arrays.copyOf(amount, capacity);
        doctor = Arrays.copyOf(doctor, capacity);
        status = Arrays.copyOf(status, capacity);
        payment = Arrays.copyOf(payment, capacity);
        method = Arrays.copyOf(method, capacity);
    }

    Appointment row(int row) {
        return rows[row];
    }

    /** The row of the appointment with this id: rows are in the order appointments were first stored. */
    int rowOf(String id) {
        return rowOf.get(id);
    }

    /** The appointment with this id, or null. */
    Appointment get(String id) {
        int row = rowOf.get(id);
        return row == RowTable.ABSENT ? null : rows[row];
    }

    /** The row whose id is the text as typed, or in lower case. */
    private int rowOfText(String typed, String lowerCase) {
        int row = rowOf.get(typed);
        return row == RowTable.ABSENT ? rowOf.get(lowerCase) : row;
    }

    int size() {
        return size;
    }

    int doctorCount() {
        return doctorNumbers.size();
    }

    /** The row's doctor, numbered from 0 in the order doctors were first stored. */
    int doctorNumber(int row) {
        return doctor[row];
    }

    int epochDay(int row) {
        return epochDay[row];
    }

    /** Sets the row's {@link AppointmentQuery#patientKey}, which {@link #put} was given as null. */
    void setPatientKey(int row, String key) {
        patientKey[row] = key;
    }

    /** Every appointment, in the order they were first stored. */
    List<Appointment> all() {
        return Collections.unmodifiableList(Arrays.asList(rows).subList(0, size));
    }

    /** Calls back with every row that matches; when {@code candidates} are given, only their rows are looked at. */
    void forEachMatch(AppointmentQuery query, Collection<RowList> candidates, IntConsumer matches) {
        Integer doctorNumber = query.doctorId() == null ? null : doctorNumbers.get(query.doctorId());
        if (query.doctorId() != null && doctorNumber == null) {
            return;
        }
        int wantedDoctor = doctorNumber == null ? NONE : doctorNumber;
        int from = query.from() == null ? Integer.MIN_VALUE : (int) query.from().toEpochDay();
        int to = query.to() == null ? Integer.MAX_VALUE : (int) query.to().toEpochDay();
        int wantedStatus = query.status() == null ? NONE : query.status().ordinal();
        int wantedPayment = query.paymentStatus() == null ? NONE : query.paymentStatus().ordinal();
        int wantedMethod = query.paymentMethod() == null ? NONE : query.paymentMethod().ordinal();
        String text = query.text() == null ? null : query.text().toLowerCase(Locale.ROOT);
        int transactionRow = text == null ? NONE : rowOfTransaction.get(text.toUpperCase(Locale.ROOT));
        int idRow = text == null ? NONE : rowOfText(query.text(), text);
        if (candidates != null) {
            for (RowList day : candidates) {
                day.forEach(row -> {
                    if (matches(row, wantedDoctor, from, to, wantedStatus, wantedPayment, wantedMethod)
                            && (text == null || row == transactionRow || row == idRow
                                    || patientKey[row].contains(text))) {
                        matches.accept(row);
                    }
                });
            }
            return;
        }
        for (int row = 0; row < size; row++) {
            if (matches(row, wantedDoctor, from, to, wantedStatus, wantedPayment, wantedMethod)
                    && (text == null || row == transactionRow || row == idRow || patientKey[row].contains(text))) {
                matches.accept(row);
            }
        }
    }

    private boolean matches(int row, int wantedDoctor, int from, int to, int wantedStatus, int wantedPayment,
            int wantedMethod) {
        return (wantedDoctor == NONE || doctor[row] == wantedDoctor)
                && epochDay[row] >= from && epochDay[row] <= to
                && (wantedStatus == NONE || status[row] == wantedStatus)
                && (wantedPayment == NONE || payment[row] == wantedPayment)
                && (wantedMethod == NONE || method[row] == wantedMethod);
    }

    /**
     * The order of rows for a sort, the same as {@link AppointmentSort#comparator(boolean)} on the rows'
     * appointments: slot and booking time compare the columns first and read the objects only on a tie.
     */
    Comparator<Integer> order(AppointmentSort sort, boolean ascending) {
        Comparator<Appointment> objects = sort.comparator(true);
        Comparator<Integer> ascendingOrder = switch (sort) {
            case SLOT -> (x, y) -> {
                int byDay = Integer.compare(epochDay[x], epochDay[y]);
                if (byDay != 0) {
                    return byDay;
                }
                int byMinute = Short.compare(minute[x], minute[y]);
                return byMinute != 0 ? byMinute : rows[x].getId().compareTo(rows[y].getId());
            };
            case PATIENT -> byRank(patientNames);
            case DOCTOR -> byRank(doctorNames);
            case BOOKED -> (x, y) -> {
                int byBooking = Long.compare(bookedAt[x], bookedAt[y]);
                return byBooking != 0 ? byBooking : objects.compare(rows[x], rows[y]);
            };
            case STATUS -> byCode(status, STATUS_RANKS);
            case PAYMENT -> byCode(payment, PAYMENT_RANKS);
            case AMOUNT -> {
                Comparator<Integer> bySlot = order(AppointmentSort.SLOT, true);
                Comparator<java.math.BigDecimal> exactly = Comparator.nullsFirst(Comparator.naturalOrder());
                yield (x, y) -> {
                    int byAmount = amount[x] == OTHER_AMOUNT || amount[y] == OTHER_AMOUNT
                            ? exactly.compare(rows[x].getAmount(), rows[y].getAmount())
                            : Long.compare(amount[x], amount[y]);
                    return byAmount != 0 ? byAmount : bySlot.compare(x, y);
                };
            }
        };
        return ascending ? ascendingOrder : ascendingOrder.reversed();
    }

    private static final int[] STATUS_RANKS = codeRanks(
            Arrays.stream(AppointmentStatus.values()).map(AppointmentStatus::code).toArray(String[]::new));
    private static final int[] PAYMENT_RANKS = codeRanks(
            Arrays.stream(PaymentStatus.values()).map(PaymentStatus::code).toArray(String[]::new));

    /** Each enum ordinal's place in the order of the codes. */
    private static int[] codeRanks(String[] codes) {
        int[] ranks = new int[codes.length];
        for (int i = 0; i < codes.length; i++) {
            for (String other : codes) {
                if (other.compareTo(codes[i]) < 0) {
                    ranks[i]++;
                }
            }
        }
        return ranks;
    }

    /** Compares rows by the code of an enum column (no value first), then by slot. */
    private Comparator<Integer> byCode(byte[] ordinals, int[] ranks) {
        Comparator<Integer> bySlot = order(AppointmentSort.SLOT, true);
        return (x, y) -> {
            int byValue = Integer.compare(ordinals[x] == NONE ? NONE : ranks[ordinals[x]],
                    ordinals[y] == NONE ? NONE : ranks[ordinals[y]]);
            return byValue != 0 ? byValue : bySlot.compare(x, y);
        };
    }

    /** Compares rows by a name's place among all names (case-insensitive), then by slot. */
    private Comparator<Integer> byRank(NameRanks ranks) {
        int[] rank = ranks.column();
        Comparator<Integer> bySlot = order(AppointmentSort.SLOT, true);
        return (x, y) -> {
            int byName = Integer.compare(rank[x], rank[y]);
            return byName != 0 ? byName : bySlot.compare(x, y);
        };
    }

    static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
