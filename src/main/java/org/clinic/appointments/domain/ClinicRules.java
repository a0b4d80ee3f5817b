package org.clinic.appointments.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The clinic's booking rules in one place: which slots exist, how far ahead they can be booked, how long a
 * hold lasts, and until when a patient may cancel or reschedule.
 */
public record ClinicRules(ZoneId zone, List<String> slotTimes, int horizonDays, Duration holdDuration,
        Duration cancelCutoff, int maxOpenHolds) {

    private static final DateTimeFormatter SLOT_TIME = DateTimeFormatter.ofPattern("hh:mm a", Locale.ENGLISH);
    /** Slot times already read, by their text: at most 1,440 (each minute of a 12-hour clock, AM and PM). */
    private static final Map<String, LocalTime> READ_TIMES = new ConcurrentHashMap<>();

    public ClinicRules {
        Objects.requireNonNull(zone, "zone");
        slotTimes = List.copyOf(slotTimes);
        if (slotTimes.isEmpty()) {
            throw new IllegalArgumentException("At least one slot time is needed");
        }
        slotTimes.forEach(ClinicRules::parseTime);
        if (horizonDays < 1) {
            throw new IllegalArgumentException("The booking horizon must be at least one day");
        }
        if (holdDuration.isNegative() || holdDuration.isZero()) {
            throw new IllegalArgumentException("The hold must last a positive time");
        }
        if (cancelCutoff.isNegative()) {
            throw new IllegalArgumentException("The cancellation cut-off cannot be negative");
        }
        if (maxOpenHolds < 1) {
            throw new IllegalArgumentException("At least one open hold per patient must be allowed");
        }
    }

    /** Parses a slot time such as {@code 09:00 AM}. */
    public static LocalTime parseTime(String time) {
        try {
            String text = time.strip().toUpperCase(Locale.ENGLISH);
            LocalTime read = READ_TIMES.get(text);
            if (read == null) {
                read = LocalTime.parse(text, SLOT_TIME);
                READ_TIMES.put(text, read);
            }
            return read;
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("Not a slot time (like 09:00 AM): '" + time + "'", e);
        }
    }

    public LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, zone);
    }

    /** Today to the last day of the horizon. */
    public LocalDateRange bookableRange(Instant now) {
        LocalDate today = today(now);
        return new LocalDateRange(today, today.plusDays(horizonDays - 1L));
    }

    /** The dates a patient can book on: today and the following days up to the horizon. */
    public List<LocalDate> bookableDates(Instant now) {
        LocalDate today = today(now);
        List<LocalDate> dates = new ArrayList<>(horizonDays);
        for (int i = 0; i < horizonDays; i++) {
            dates.add(today.plusDays(i));
        }
        return dates;
    }

    public Instant startOf(LocalDate date, String time) {
        return date.atTime(parseTime(time)).atZone(zone).toInstant();
    }

    /** When the appointment begins; an old record with a time that is not a slot time counts from the day's start. */
    public Instant startOf(Appointment appointment) {
        try {
            return startOf(appointment.getDate(), appointment.getTime());
        } catch (IllegalArgumentException unreadableTime) {
            return appointment.getDate().atStartOfDay(zone).toInstant();
        }
    }

    public boolean isSlotTime(String time) {
        return time != null && slotTimes.contains(time);
    }

    /** Why a new booking of this slot is not possible (a message key), or empty when it may be booked. */
    public Optional<String> bookingRefusal(LocalDate date, String time, Instant now) {
        return bookingRefusal(date, time, now, slotTimes);
    }

    /** As {@link #bookingRefusal(LocalDate, String, Instant)}, for a day whose worked slot times are {@code offered}. */
    public Optional<String> bookingRefusal(LocalDate date, String time, Instant now, List<String> offered) {
        if (date == null || time == null) {
            return Optional.of("booking.slot.choose");
        }
        if (offered.isEmpty()) {
            return Optional.of("booking.slot.not_working");
        }
        if (!offered.contains(time)) {
            return Optional.of("booking.slot.unknown");
        }
        LocalDate today = today(now);
        if (date.isBefore(today) || !startOf(date, time).isAfter(now)) {
            return Optional.of("booking.slot.past");
        }
        if (!date.isBefore(today.plusDays(horizonDays))) {
            return Optional.of("booking.slot.beyond_horizon");
        }
        return Optional.empty();
    }

    public Instant holdExpiry(Instant now) {
        return now.plus(holdDuration);
    }

    /** The last moment a patient may still cancel or reschedule this appointment. */
    public Instant patientChangeDeadline(Appointment appointment) {
        return startOf(appointment).minus(cancelCutoff);
    }

    /**
     * Why the patient may not cancel or reschedule this appointment now (a message key), or empty when they
     * may. A live hold can always be let go; a confirmed appointment until the cut-off.
     */
    public Optional<String> patientChangeRefusal(Appointment appointment, Instant now) {
        AppointmentStatus status = appointment.getStatus();
        if (status == AppointmentStatus.PENDING_PAYMENT && appointment.holdsSlot(now)) {
            return Optional.empty();
        }
        if (status != AppointmentStatus.CONFIRMED) {
            return Optional.of("appointment.change.not_active");
        }
        if (now.isAfter(patientChangeDeadline(appointment))) {
            return Optional.of("appointment.change.too_late");
        }
        return Optional.empty();
    }
}
