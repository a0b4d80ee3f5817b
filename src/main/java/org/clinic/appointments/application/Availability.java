package org.clinic.appointments.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.clinic.appointments.domain.ClinicRules;
import org.clinic.appointments.domain.ClinicSchedule;
import org.clinic.appointments.domain.ClosedDay;
import org.clinic.appointments.domain.SlotKey;
import org.clinic.appointments.infrastructure.config.AppConfig;
import org.clinic.appointments.domain.port.AppointmentBook;

/** Which of a doctor's slots can be booked, day by day, read from the ledger's doctor-and-date index. */
@Stateless
@PermitAll
public class Availability {

    @Inject
    Clock clock;

    @Inject
    AppointmentBook book;

    @Inject
    AppConfig config;

    /** Every day of the booking horizon with its badge. */
    public List<DayAvailability> days(String doctorId) {
        ClinicRules rules = config.rules();
        Instant now = clock.instant();
        List<LocalDate> dates = rules.bookableDates(now);
        Map<LocalDate, Set<String>> taken = book.takenTimes(doctorId, dates.get(0), dates.get(dates.size() - 1));
        ClinicSchedule schedule = book.schedule();
        ClinicSchedule.DefaultWeek week = config.defaultWeek();
        List<DayAvailability> days = new ArrayList<>(dates.size());
        for (LocalDate date : dates) {
            List<SlotView> slots = slots(rules, schedule.slotTimes(doctorId, date, week), date,
                    taken.getOrDefault(date, Set.of()), now);
            int takenCount = (int) slots.stream().filter(s -> s.state() == SlotView.State.TAKEN).count();
            int free = (int) slots.stream().filter(SlotView::isFree).count();
            days.add(new DayAvailability(date, takenCount, free, slots.size(),
                    Badge.of(takenCount, slots.size(), free)));
        }
        return days;
    }

    /** The day's slots: free, taken, or already begun. */
    public List<SlotView> slots(String doctorId, LocalDate date) {
        Map<LocalDate, Set<String>> taken = book.takenTimes(doctorId, date, date);
        return slots(config.rules(), book.schedule().slotTimes(doctorId, date, config.defaultWeek()), date,
                taken.getOrDefault(date, Set.of()), clock.instant());
    }

    /**
     * Whether a booking page for the doctor can offer a free slot: on the date when it is within the booking horizon,
     * else on any day of it (as the page then shows the first day with one).
     */
    public boolean anyFree(String doctorId, LocalDate date) {
        if (date != null && config.rules().bookableDates(clock.instant()).contains(date)) {
            return slots(doctorId, date).stream().anyMatch(SlotView::isFree);
        }
        return nextFree(doctorId).isPresent();
    }

    /** The first free slot within the booking horizon, if there is one. */
    public Optional<SlotKey> nextFree(String doctorId) {
        return freeSlots(doctorId, 1).stream().findFirst();
    }

    /** The doctor's first free slots within the booking horizon, soonest first, at most {@code max}. */
    public List<SlotKey> freeSlots(String doctorId, int max) {
        ClinicRules rules = config.rules();
        Instant now = clock.instant();
        List<LocalDate> dates = rules.bookableDates(now);
        Map<LocalDate, Set<String>> taken = book.takenTimes(doctorId, dates.get(0), dates.get(dates.size() - 1));
        ClinicSchedule schedule = book.schedule();
        ClinicSchedule.DefaultWeek week = config.defaultWeek();
        List<SlotKey> free = new ArrayList<>();
        for (LocalDate date : dates) {
            for (SlotView slot : slots(rules, schedule.slotTimes(doctorId, date, week), date,
                    taken.getOrDefault(date, Set.of()), now)) {
                if (slot.isFree()) {
                    free.add(new SlotKey(doctorId, date, slot.time()));
                    if (free.size() >= max) {
                        return free;
                    }
                }
            }
        }
        return free;
    }

    /** Why the doctor has no slots on the day, when they have none. */
    public Optional<ClosedDay> closedDay(String doctorId, LocalDate date) {
        return book.schedule().closed(doctorId, date, config.defaultWeek());
    }

    /** The worked slot times a doctor has on a date (none on a holiday or a day off). */
    public List<String> workedTimes(String doctorId, LocalDate date) {
        return book.schedule().slotTimes(doctorId, date, config.defaultWeek());
    }

    private static List<SlotView> slots(ClinicRules rules, List<String> times, LocalDate date, Set<String> taken,
            Instant now) {
        List<SlotView> slots = new ArrayList<>(times.size());
        for (String time : times) {
            SlotView.State state;
            if (taken.contains(time)) {
                state = SlotView.State.TAKEN;
            } else if (rules.bookingRefusal(date, time, now, times).isPresent()) {
                state = SlotView.State.PAST;
            } else {
                state = SlotView.State.FREE;
            }
            slots.add(new SlotView(time, state));
        }
        return slots;
    }
}
