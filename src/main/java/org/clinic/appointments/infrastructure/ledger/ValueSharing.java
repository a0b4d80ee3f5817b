package org.clinic.appointments.infrastructure.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.HistoryEntry;

/**
 * One copy of each often repeated value (ids, names, times, actions, dates, amounts) for all the appointments that
 * carry it: a million appointments then hold thousands of distinct strings, not millions.
 */
final class ValueSharing {

    private final Map<String, String> strings = new HashMap<>();
    private final Map<LocalDate, LocalDate> dates = new HashMap<>();
    /** Equal amounts with the same scale: 500 and 500.00 stay as written. */
    private final Map<BigDecimal, BigDecimal> amounts = new HashMap<>();

    /** Replaces the appointment's values (before it is stored) with the shared copies. */
    void share(Appointment a) {
        a.setUserId(shared(a.getUserId()));
        a.setUserEmail(shared(a.getUserEmail()));
        a.setUserName(shared(a.getUserName()));
        a.setDoctorId(shared(a.getDoctorId()));
        a.setDoctorName(shared(a.getDoctorName()));
        a.setTime(shared(a.getTime()));
        a.setPaymentProvider(shared(a.getPaymentProvider()));
        a.setCardBrand(shared(a.getCardBrand()));
        for (HistoryEntry entry : a.getHistory()) {
            entry.setActor(shared(entry.getActor()));
            entry.setAction(shared(entry.getAction()));
        }
        shareValuesButTexts(a);
    }

    /**
     * As {@link #share}, but for the texts: for an appointment read from the start-up cache, whose tables give each
     * field one copy of each of its texts already.
     */
    void shareValuesButTexts(Appointment a) {
        if (a.getDate() != null) {
            a.setDate(dates.computeIfAbsent(a.getDate(), d -> d));
        }
        if (a.getAmount() != null) {
            a.setAmount(amounts.computeIfAbsent(a.getAmount(), v -> v));
        }
        for (HistoryEntry entry : a.getHistory()) {
            entry.setAt(sameInstant(entry.getAt(), a.getBookedAt(), a.getPaidAt(), a.getCancelledAt(),
                    a.getNoShowAt(), a.getRefundedAt()));
        }
    }

    /** The first of {@code candidates} equal to {@code at}, so the record and its history hold one object. */
    private static Instant sameInstant(Instant at, Instant... candidates) {
        for (Instant candidate : candidates) {
            if (candidate != null && candidate.equals(at)) {
                return candidate;
            }
        }
        return at;
    }

    private String shared(String value) {
        return value == null ? null : strings.computeIfAbsent(value, v -> v);
    }
}
