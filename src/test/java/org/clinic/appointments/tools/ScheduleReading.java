package org.clinic.appointments.tools;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.ClinicSchedule;
import org.clinic.appointments.domain.DayPlan;
import org.clinic.appointments.domain.Holiday;
import org.clinic.appointments.domain.Leave;
import org.clinic.appointments.domain.ScheduleChange;
import org.clinic.appointments.domain.WeeklyPlan;
import org.clinic.appointments.domain.port.AppointmentBook;
import org.clinic.appointments.infrastructure.ledger.RecordJson;

/**
 * What reading the clinic's schedule from its JSON costs as its changes accumulate: a clinic of 60 doctors (two
 * plans each), 12 holidays and 50 leaves a year, and a given number of recorded changes. Prints the text's size and
 * the median time to read it. Run: {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt)
 * org.clinic.appointments.tools.ScheduleReading 0 500 2000 5000}. With a PostgreSQL database's JDBC address first
 * ({@code jdbc:postgresql://…?user=…}), it stores each schedule there (putting the database's own back at the end)
 * and times the store's {@code schedule()} instead, as a booking asks for it.
 */
public final class ScheduleReading {

    private ScheduleReading() {
    }

    public static void main(String[] args) {
        RecordJson json = new RecordJson(ZoneId.of("Asia/Kolkata"));
        boolean database = args[0].startsWith("jdbc:");
        AppointmentBook book = database ? DashboardQueries.open(args[0]) : null;
        ClinicSchedule own = database ? book.schedule() : null;
        try {
            for (String arg : java.util.Arrays.copyOfRange(args, database ? 1 : 0, args.length)) {
                int changes = Integer.parseInt(arg);
                ClinicSchedule schedule = schedule(changes, 2);
                String text = json.schedule(schedule);
                Runnable read = () -> json.schedule(text);
                if (database) {
                    book.changeSchedule("admin-1", ChangeType.PLAN_SET, current -> schedule);
                    read = book::schedule;
                }
                long[] nanos = new long[200];
                for (int round = 0; round < 3; round++) {
                    for (int i = 0; i < nanos.length; i++) {
                        long start = System.nanoTime();
                        read.run();
                        nanos[i] = System.nanoTime() - start;
                    }
                }
                java.util.Arrays.sort(nanos);
                System.out.printf("%,6d changes: %,9d bytes, read in %.3f ms (median), %.3f ms (p90)%n", changes,
                        text.length(), nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 9 / 10] / 1e6);
            }
        } finally {
            if (database) {
                book.changeSchedule("admin-1", ChangeType.PLAN_SET, current -> own);
            }
        }
    }

    static ClinicSchedule schedule(int changeCount, int years) {
        LocalDate start = LocalDate.of(2025, 1, 6);
        Map<DayOfWeek, DayPlan> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(day, new DayPlan(LocalTime.of(9, 0), LocalTime.of(17, 0), 30, LocalTime.of(13, 0),
                    LocalTime.of(14, 0)));
        }
        Map<String, List<WeeklyPlan>> plans = new LinkedHashMap<>();
        List<Leave> leaves = new ArrayList<>();
        for (int d = 0; d < 60; d++) {
            String doctor = "doctor-" + d;
            plans.put(doctor, List.of(new WeeklyPlan(start, week), new WeeklyPlan(start.plusMonths(6), week)));
        }
        List<Holiday> holidays = new ArrayList<>();
        for (int i = 0; i < 12 * years; i++) {
            holidays.add(new Holiday(start.plusDays(30L * i), "Holiday " + i));
        }
        for (int i = 0; i < 50 * years; i++) {
            leaves.add(new Leave("doctor-" + (i % 60), start.plusDays(7L * i), start.plusDays(7L * i + 2),
                    "Conference in another city"));
        }
        List<ScheduleChange> changes = new ArrayList<>();
        Instant at = Instant.parse("2025-01-06T04:00:00Z");
        for (int i = 0; i < changeCount; i++) {
            changes.add(ScheduleChange.planSet(at.plus(i, ChronoUnit.HOURS), "admin-1", "doctor-" + (i % 60),
                    new WeeklyPlan(start, week)));
        }
        return ClinicSchedule.of(holidays, plans, leaves, Set.of(), changes);
    }
}
