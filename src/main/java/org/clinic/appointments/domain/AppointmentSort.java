package org.clinic.appointments.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The orders the admin tables offer; ties fall back to the slot (date and time of day), then the id. */
public enum AppointmentSort {
    SLOT("slot", Comparator.comparing(Appointment::getDate)),
    BOOKED("booked", Comparator.comparing(Appointment::getBookedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))),
    PATIENT("patient", Comparator.comparing(Appointment::getUserName, Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER))),
    DOCTOR("doctor", Comparator.comparing(Appointment::getDoctorName, Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER))),
    STATUS("status", Comparator.comparing(a -> a.getStatus().code())),
    PAYMENT("payment", Comparator.comparing(a -> a.getPaymentStatus() == null ? "" : a.getPaymentStatus().code())),
    AMOUNT("amount", Comparator.comparing(Appointment::getAmount, Comparator.nullsFirst(Comparator.<BigDecimal>naturalOrder())));

    private static final Map<String, Integer> MINUTE_OF_DAY = new ConcurrentHashMap<>();
    private static final Comparator<Appointment> BY_SLOT = Comparator.comparing(Appointment::getDate,
                    Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()))
            .thenComparingInt(a -> minuteOfDay(a.getTime()))
            .thenComparing(Appointment::getId);

    private final String code;
    private final Comparator<Appointment> primary;

    AppointmentSort(String code, Comparator<Appointment> primary) {
        this.code = code;
        this.primary = primary;
    }

    public String code() {
        return code;
    }

    public Comparator<Appointment> comparator(boolean ascending) {
        Comparator<Appointment> order = this == SLOT ? BY_SLOT : primary.thenComparing(BY_SLOT);
        return ascending ? order : order.reversed();
    }

    /** Minutes since midnight of a slot time such as {@code 02:00 PM}; -1 for a time that cannot be read. */
    public static int minuteOfDay(String time) {
        if (time == null) {
            return -1;
        }
        return MINUTE_OF_DAY.computeIfAbsent(time, t -> {
            try {
                LocalTime parsed = ClinicRules.parseTime(t);
                return parsed.getHour() * 60 + parsed.getMinute();
            } catch (IllegalArgumentException unreadable) {
                return -1;
            }
        });
    }

    public static AppointmentSort fromCode(String code) {
        for (AppointmentSort sort : values()) {
            if (sort.code.equals(code)) {
                return sort;
            }
        }
        return SLOT;
    }
}
