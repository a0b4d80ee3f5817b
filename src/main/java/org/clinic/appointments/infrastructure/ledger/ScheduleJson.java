package org.clinic.appointments.infrastructure.ledger;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.ClinicSchedule;
import org.clinic.appointments.domain.DayPlan;
import org.clinic.appointments.domain.Holiday;
import org.clinic.appointments.domain.Leave;
import org.clinic.appointments.domain.ScheduleChange;
import org.clinic.appointments.domain.WeeklyPlan;

/**
 * The clinic's schedule as JSON, in {@code schedule.json} and on the journal lines that change it:
 * {@code {"holidays": [{"date", "name"}], "plans": {"<doctor id>": [{"from", "days": {"monday": {"start", "end",
 * "slot_minutes", "break_start", "break_end"}}}]}, "leaves": [{"doctor_id", "from", "to", "reason"}],
 * "inactive_doctors": ["<doctor id>"], "changes": [{"at", "actor", "action", "doctor_id", "detail"}]}}; a day
 * missing from {@code days} is not worked. Files from before a key was added load without it.
 */
final class ScheduleJson {

    private ScheduleJson() {
    }

    static JsonObject toJson(ClinicSchedule schedule) {
        return toJson(schedule, true);
    }

    /** The schedule, with or without the record of its changes. */
    static JsonObject toJson(ClinicSchedule schedule, boolean withChanges) {
        JsonArrayBuilder holidays = Jsonp.PROVIDER.createArrayBuilder();
        for (Holiday holiday : schedule.holidays()) {
            holidays.add(Jsonp.PROVIDER.createObjectBuilder().add("date", holiday.date().toString()).add("name", holiday.name()));
        }
        JsonObjectBuilder plans = Jsonp.PROVIDER.createObjectBuilder();
        schedule.plans().forEach((doctor, list) -> {
            JsonArrayBuilder ofDoctor = Jsonp.PROVIDER.createArrayBuilder();
            for (WeeklyPlan plan : list) {
                JsonObjectBuilder days = Jsonp.PROVIDER.createObjectBuilder();
                plan.days().forEach((day, dayPlan) -> days.add(day.name().toLowerCase(Locale.ROOT), day(dayPlan)));
                ofDoctor.add(Jsonp.PROVIDER.createObjectBuilder().add("from", plan.from().toString()).add("days", days));
            }
            plans.add(doctor, ofDoctor);
        });
        JsonArrayBuilder leaves = Jsonp.PROVIDER.createArrayBuilder();
        for (Leave leave : schedule.leaves()) {
            leaves.add(Jsonp.PROVIDER.createObjectBuilder().add("doctor_id", leave.doctorId()).add("from", leave.from().toString())
                    .add("to", leave.to().toString()).add("reason", leave.reason()));
        }
        JsonArrayBuilder inactive = Jsonp.PROVIDER.createArrayBuilder();
        schedule.inactiveDoctors().stream().sorted().forEach(inactive::add);
        JsonObjectBuilder json = Jsonp.PROVIDER.createObjectBuilder().add("holidays", holidays).add("plans", plans)
                .add("leaves", leaves).add("inactive_doctors", inactive);
        if (withChanges) {
            json.add("changes", changes(schedule.changes()));
        }
        return json.build();
    }

    static JsonArray changes(List<ScheduleChange> changes) {
        JsonArrayBuilder array = Jsonp.PROVIDER.createArrayBuilder();
        for (ScheduleChange change : changes) {
            JsonObjectBuilder c = Jsonp.PROVIDER.createObjectBuilder().add("at", change.at().toString())
                    .add("actor", change.actor()).add("action", change.action().code());
            if (change.doctorId() != null) {
                c.add("doctor_id", change.doctorId());
            }
            array.add(c.add("detail", change.detail()));
        }
        return array.build();
    }

    static List<ScheduleChange> changes(JsonArray array) {
        List<ScheduleChange> changes = new ArrayList<>();
        for (JsonValue value : array) {
            JsonObject change = value.asJsonObject();
            changes.add(new ScheduleChange(Instant.parse(change.getString("at")), change.getString("actor"),
                    ChangeType.ofCode(change.getString("action")), change.getString("doctor_id", null),
                    change.getString("detail", "")));
        }
        return changes;
    }

    private static JsonObjectBuilder day(DayPlan plan) {
        JsonObjectBuilder day = Jsonp.PROVIDER.createObjectBuilder().add("start", plan.start().toString())
                .add("end", plan.end().toString()).add("slot_minutes", plan.slotMinutes());
        if (plan.breakStart() != null) {
            day.add("break_start", plan.breakStart().toString()).add("break_end", plan.breakEnd().toString());
        }
        return day;
    }

    /** @throws IllegalArgumentException (or a JSON or date-time exception) when the document is not a schedule */
    static ClinicSchedule fromJson(JsonObject json) {
        List<Holiday> holidays = new ArrayList<>();
        for (JsonValue value : json.getJsonArray("holidays")) {
            JsonObject holiday = value.asJsonObject();
            holidays.add(new Holiday(LocalDate.parse(holiday.getString("date")), holiday.getString("name")));
        }
        Map<String, List<WeeklyPlan>> plans = new LinkedHashMap<>();
        JsonObject byDoctor = json.getJsonObject("plans");
        for (String doctor : byDoctor.keySet()) {
            List<WeeklyPlan> list = new ArrayList<>();
            for (JsonValue value : byDoctor.getJsonArray(doctor)) {
                JsonObject plan = value.asJsonObject();
                Map<DayOfWeek, DayPlan> days = new EnumMap<>(DayOfWeek.class);
                JsonObject dayObjects = plan.getJsonObject("days");
                for (String day : dayObjects.keySet()) {
                    JsonObject d = dayObjects.getJsonObject(day);
                    days.put(DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)), new DayPlan(
                            LocalTime.parse(d.getString("start")), LocalTime.parse(d.getString("end")),
                            d.getInt("slot_minutes"), time(d, "break_start"), time(d, "break_end")));
                }
                list.add(new WeeklyPlan(LocalDate.parse(plan.getString("from")), days));
            }
            plans.put(doctor, list);
        }
        List<Leave> leaves = new ArrayList<>();
        if (json.containsKey("leaves")) {
            for (JsonValue value : json.getJsonArray("leaves")) {
                JsonObject leave = value.asJsonObject();
                leaves.add(new Leave(leave.getString("doctor_id"), LocalDate.parse(leave.getString("from")),
                        LocalDate.parse(leave.getString("to")), leave.getString("reason")));
            }
        }
        java.util.Set<String> inactive = new java.util.HashSet<>();
        if (json.containsKey("inactive_doctors")) {
            json.getJsonArray("inactive_doctors").getValuesAs(jakarta.json.JsonString.class)
                    .forEach(id -> inactive.add(id.getString()));
        }
        List<ScheduleChange> changes = json.containsKey("changes") ? changes(json.getJsonArray("changes")) : List.of();
        return ClinicSchedule.of(holidays, plans, leaves, inactive, changes);
    }

    private static LocalTime time(JsonObject day, String key) {
        return day.containsKey(key) && !day.isNull(key) ? LocalTime.parse(day.getString(key)) : null;
    }
}
