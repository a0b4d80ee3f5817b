package org.clinic.appointments.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The clinic's own week: holidays (nobody works), and each doctor's weekly plans, each from a date on. A doctor
 * without a plan works the clinic's default week ({@link DefaultWeek}). Immutable; changes make a new schedule,
 * and each change is kept, oldest first ({@link #changes()}), for the audit trail.
 */
public final class ClinicSchedule {

    public static final ClinicSchedule EMPTY = new ClinicSchedule(new TreeMap<>(), Map.of(), List.of(), Set.of(),
            List.of());

    /** The week of a doctor without a plan of their own: the default slot times on the working days. */
    public record DefaultWeek(Set<DayOfWeek> days, List<String> slotTimes) {

        public DefaultWeek {
            days = Set.copyOf(days);
            slotTimes = List.copyOf(slotTimes);
        }

        public List<String> slotTimes(DayOfWeek day) {
            return days.contains(day) ? slotTimes : List.of();
        }

        /**
         * The default slots as one working day: evenly spaced, with at most one break. Empty when they are spaced
         * otherwise, which no day plan can say.
         */
        public Optional<DayPlan> asDayPlan() {
            List<Integer> starts = slotTimes.stream().map(ClinicRules::parseTime)
                    .map(t -> t.getHour() * 60 + t.getMinute()).distinct().sorted().toList();
            if (starts.isEmpty()) {
                return Optional.empty();
            }
            int length = starts.size() == 1 ? ONE_SLOT_MINUTES : java.util.stream.IntStream.range(1, starts.size())
                    .map(i -> starts.get(i) - starts.get(i - 1)).min().orElseThrow();
            Integer breakStart = null;
            Integer breakEnd = null;
            for (int i = 1; i < starts.size(); i++) {
                if (starts.get(i) - starts.get(i - 1) != length) {
                    if (breakStart != null) {
                        return Optional.empty();
                    }
                    breakStart = starts.get(i - 1) + length;
                    breakEnd = starts.get(i);
                }
            }
            int end = starts.get(starts.size() - 1) + length;
            if (end >= 24 * 60) {
                return Optional.empty();
            }
            try {
                DayPlan plan = new DayPlan(time(starts.get(0)), time(end), length,
                        breakStart == null ? null : time(breakStart), breakEnd == null ? null : time(breakEnd));
                boolean same = plan.slotTimes().stream().map(ClinicRules::parseTime).toList()
                        .equals(starts.stream().map(DefaultWeek::time).toList());
                return same ? Optional.of(plan) : Optional.empty();
            } catch (BookingException e) {
                return Optional.empty();
            }
        }

        private static java.time.LocalTime time(int minutes) {
            return java.time.LocalTime.of(minutes / 60, minutes % 60);
        }
    }

    /** The length given to the slot of a default week that has only one. */
    private static final int ONE_SLOT_MINUTES = 60;

    private final TreeMap<LocalDate, Holiday> holidays;
    private final Map<String, List<WeeklyPlan>> plans;
    private final List<Leave> leaves;
    /** Doctors who no longer see patients: no slots, gone from search; their records and bookings stay. */
    private final Set<String> inactive;
    private final List<ScheduleChange> changes;

    private ClinicSchedule(TreeMap<LocalDate, Holiday> holidays, Map<String, List<WeeklyPlan>> plans, List<Leave> leaves,
            Set<String> inactive, List<ScheduleChange> changes) {
        this.holidays = holidays;
        this.plans = plans;
        this.leaves = leaves;
        this.inactive = inactive;
        this.changes = changes;
    }

    public static ClinicSchedule of(List<Holiday> holidays, Map<String, List<WeeklyPlan>> plans) {
        return of(holidays, plans, List.of());
    }

    public static ClinicSchedule of(List<Holiday> holidays, Map<String, List<WeeklyPlan>> plans, List<Leave> leaves) {
        return of(holidays, plans, leaves, Set.of());
    }

    public static ClinicSchedule of(List<Holiday> holidays, Map<String, List<WeeklyPlan>> plans, List<Leave> leaves,
            Set<String> inactive) {
        return of(holidays, plans, leaves, inactive, List.of());
    }

    public static ClinicSchedule of(List<Holiday> holidays, Map<String, List<WeeklyPlan>> plans, List<Leave> leaves,
            Set<String> inactive, List<ScheduleChange> changes) {
        TreeMap<LocalDate, Holiday> byDate = new TreeMap<>();
        holidays.forEach(h -> byDate.put(h.date(), h));
        Map<String, List<WeeklyPlan>> sorted = new LinkedHashMap<>();
        plans.forEach((doctor, list) -> sorted.put(doctor,
                list.stream().sorted(Comparator.comparing(WeeklyPlan::from)).toList()));
        return new ClinicSchedule(byDate, Map.copyOf(sorted),
                leaves.stream().sorted(Comparator.comparing(Leave::from)).toList(), Set.copyOf(inactive),
                List.copyOf(changes));
    }

    /** Every change made to the schedule, oldest first. */
    public List<ScheduleChange> changes() {
        return changes;
    }

    /** This schedule's holidays, plans, leaves and doctors, with this record of changes instead of its own. */
    public ClinicSchedule withChanges(List<ScheduleChange> changes) {
        return new ClinicSchedule(holidays, plans, leaves, inactive, List.copyOf(changes));
    }

    /** This schedule with the change that made it recorded. */
    public ClinicSchedule recorded(ScheduleChange change) {
        List<ScheduleChange> next = new ArrayList<>(changes);
        next.add(change);
        return new ClinicSchedule(holidays, plans, leaves, inactive, List.copyOf(next));
    }

    /** The slot times the doctor works on the date: none on a holiday or a day off. */
    public List<String> slotTimes(String doctorId, LocalDate date, DefaultWeek defaultWeek) {
        if (holidays.containsKey(date) || onLeave(doctorId, date) || inactive.contains(doctorId)) {
            return List.of();
        }
        return plan(doctorId, date).map(p -> p.slotTimes(date.getDayOfWeek()))
                .orElseGet(() -> defaultWeek.slotTimes(date.getDayOfWeek()));
    }

    public boolean offers(String doctorId, LocalDate date, String time, DefaultWeek defaultWeek) {
        return slotTimes(doctorId, date, defaultWeek).contains(time);
    }

    /** The plan in force for the doctor on the date: the latest that starts on or before it. */
    public Optional<WeeklyPlan> plan(String doctorId, LocalDate date) {
        WeeklyPlan found = null;
        for (WeeklyPlan plan : plans.getOrDefault(doctorId, List.of())) {
            if (!plan.from().isAfter(date)) {
                found = plan;
            }
        }
        return Optional.ofNullable(found);
    }

    public boolean isActive(String doctorId) {
        return !inactive.contains(doctorId);
    }

    public Set<String> inactiveDoctors() {
        return inactive;
    }

    /** With the doctor seeing patients again, or no longer (no slots from now on; bookings stay). */
    public ClinicSchedule withDoctorActive(String doctorId, boolean active) {
        Set<String> next = new java.util.HashSet<>(inactive);
        if (active ? !next.remove(doctorId) : !next.add(doctorId)) {
            throw new BookingException(active ? "schedule.doctor.active_already" : "schedule.doctor.inactive_already");
        }
        return of(holidays(), plans, leaves, next, changes);
    }

    /** Why the doctor has no slots on {@code date}; empty when they have some. */
    public Optional<ClosedDay> closed(String doctorId, LocalDate date, DefaultWeek defaultWeek) {
        if (holidays.containsKey(date)) {
            return Optional.of(new ClosedDay(ClosedDay.Why.HOLIDAY, holidays.get(date).name()));
        }
        Optional<Leave> leave = leaves.stream().filter(l -> l.covers(doctorId, date)).findFirst();
        if (leave.isPresent()) {
            return Optional.of(new ClosedDay(ClosedDay.Why.LEAVE, leave.get().reason()));
        }
        if (inactive.contains(doctorId)) {
            return Optional.of(new ClosedDay(ClosedDay.Why.INACTIVE, ""));
        }
        return slotTimes(doctorId, date, defaultWeek).isEmpty()
                ? Optional.of(new ClosedDay(ClosedDay.Why.NOT_WORKED, "")) : Optional.empty();
    }

    public boolean onLeave(String doctorId, LocalDate date) {
        return leaves.stream().anyMatch(leave -> leave.covers(doctorId, date));
    }

    public List<Leave> leaves() {
        return leaves;
    }

    /** The leaves not over before {@code day} (those ending on it or later), by their start. */
    public List<Leave> leavesNotOverBefore(LocalDate day) {
        return leaves.stream().filter(leave -> !leave.to().isBefore(day)).toList();
    }

    /** With the leave added; refused when it overlaps a leave of the same doctor. */
    public ClinicSchedule withLeave(Leave leave) {
        for (Leave other : leaves) {
            if (other.doctorId().equals(leave.doctorId()) && !other.to().isBefore(leave.from())
                    && !other.from().isAfter(leave.to())) {
                throw new BookingException("schedule.leave.overlaps", other.from(), other.to());
            }
        }
        List<Leave> next = new java.util.ArrayList<>(leaves);
        next.add(leave);
        return of(holidays(), plans, next, inactive, changes);
    }

    public Optional<Holiday> holiday(LocalDate date) {
        return Optional.ofNullable(holidays.get(date));
    }

    public List<Holiday> holidays() {
        return List.copyOf(holidays.values());
    }

    /** The holidays on or after {@code day}, by date. */
    public List<Holiday> holidaysFrom(LocalDate day) {
        return List.copyOf(holidays.tailMap(day, true).values());
    }

    public List<WeeklyPlan> plans(String doctorId) {
        return plans.getOrDefault(doctorId, List.of());
    }

    public Map<String, List<WeeklyPlan>> plans() {
        return plans;
    }

    /** With the holiday added, or refused when the date is a holiday already. */
    public ClinicSchedule withHoliday(Holiday holiday) {
        if (holidays.containsKey(holiday.date())) {
            throw new BookingException("schedule.holiday.exists", holiday.date());
        }
        List<Holiday> next = new ArrayList<>(holidays.values());
        next.add(holiday);
        return of(next, plans, leaves, inactive, changes);
    }

    public ClinicSchedule withoutHoliday(LocalDate date) {
        List<Holiday> next = new ArrayList<>(holidays.values());
        next.removeIf(h -> h.date().equals(date));
        return of(next, plans, leaves, inactive, changes);
    }

    /** With the doctor's plan from its date on; a plan from the same date is replaced. */
    public ClinicSchedule withPlan(String doctorId, WeeklyPlan plan) {
        Map<String, List<WeeklyPlan>> next = new LinkedHashMap<>(plans);
        List<WeeklyPlan> ofDoctor = new ArrayList<>(plans.getOrDefault(doctorId, List.of()));
        ofDoctor.removeIf(p -> p.from().equals(plan.from()));
        ofDoctor.add(plan);
        next.put(doctorId, ofDoctor);
        return of(holidays(), next, leaves, inactive, changes);
    }
}
