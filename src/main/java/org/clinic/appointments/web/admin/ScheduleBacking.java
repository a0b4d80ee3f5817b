package org.clinic.appointments.web.admin;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.clinic.appointments.application.ClinicScheduling;
import org.clinic.appointments.application.DoctorDirectory;
import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.ClinicSchedule;
import org.clinic.appointments.domain.DayPlan;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.Holiday;
import org.clinic.appointments.domain.Leave;
import org.clinic.appointments.domain.WeeklyPlan;
import org.clinic.appointments.web.DateParameter;
import org.clinic.appointments.web.Texts;
import org.omnifaces.util.Messages;
import org.clinic.appointments.infrastructure.config.AppConfig;

/**
 * The clinic's week ({@code /admin/schedule}, {@code ?doctor=}): holidays, a doctor's working plan from a date on,
 * and the booked appointments left outside working hours.
 */
@Named
@ViewScoped
public class ScheduleBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ClinicScheduling scheduling;

    @Inject
    DoctorDirectory directory;

    @Inject
    java.time.Clock clock;

    @Inject
    AppConfig config;

    private String holidayDate;
    private String holidayName;
    private String doctorId;
    private String planFrom;
    private final List<DayRow> week = new ArrayList<>();
    private List<Appointment> outside;
    /** The holidays as the page shows them, so a row's Remove removes that row's holiday. */
    private List<Holiday> holidays;
    private String leaveDoctor;
    private String leaveFrom;
    private String leaveTo;
    private String leaveReason;
    /** The appointments the leave shown for confirmation would cancel; null until previewed. */
    private List<Appointment> leaveAffected;

    /** One weekday of the plan being edited, as typed. */
    public static final class DayRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final DayOfWeek day;

        private void fill(DayPlan plan) {
            start = plan.start().toString();
            end = plan.end().toString();
            slotMinutes = plan.slotMinutes();
            breakStart = plan.breakStart() == null ? null : plan.breakStart().toString();
            breakEnd = plan.breakEnd() == null ? null : plan.breakEnd().toString();
        }
        private boolean working;
        private String start;
        private String end;
        private Integer slotMinutes;
        private String breakStart;
        private String breakEnd;

        DayRow(DayOfWeek day) {
            this.day = day;
        }

        public String getDayName() {
            return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        }

        public String getDayCode() {
            return day.name().toLowerCase(Locale.ROOT);
        }

        public boolean isWorking() {
            return working;
        }

        public void setWorking(boolean working) {
            this.working = working;
        }

        public String getStart() {
            return start;
        }

        public void setStart(String start) {
            this.start = start;
        }

        public String getEnd() {
            return end;
        }

        public void setEnd(String end) {
            this.end = end;
        }

        public Integer getSlotMinutes() {
            return slotMinutes;
        }

        public void setSlotMinutes(Integer slotMinutes) {
            this.slotMinutes = slotMinutes;
        }

        public String getBreakStart() {
            return breakStart;
        }

        public void setBreakStart(String breakStart) {
            this.breakStart = breakStart;
        }

        public String getBreakEnd() {
            return breakEnd;
        }

        public void setBreakEnd(String breakEnd) {
            this.breakEnd = breakEnd;
        }
    }

    public void load() {
        List<Doctor> doctors = directory.all();
        if (doctorId != null && directory.find(doctorId).isEmpty()) {
            Messages.addGlobalWarn("schedule.doctor.unknown");
            doctorId = null;
        }
        if (doctorId == null && !doctors.isEmpty()) {
            doctorId = doctors.get(0).getId();
        }
        fillWeek();
        outside = null;
    }

    /** The plan form starts from the doctor's plan in force today, or the clinic's default week. */
    private void fillWeek() {
        week.clear();
        LocalDate today = config.rules().today(clock.instant());
        WeeklyPlan current = doctorId == null ? null : scheduling.schedule().plan(doctorId, today).orElse(null);
        ClinicSchedule.DefaultWeek defaults = scheduling.defaultWeek();
        DayPlan usualDay = defaults.asDayPlan().orElse(NINE_TO_SIX);
        for (DayOfWeek day : DayOfWeek.values()) {
            DayRow row = new DayRow(day);
            DayPlan plan = current == null ? null : current.days().get(day);
            row.working = plan != null || current == null && defaults.days().contains(day);
            row.fill(plan != null ? plan : usualDay);
            week.add(row);
        }
    }

    /** The form's hours for a day the clinic's default slots cannot be shown as. */
    private static final DayPlan NINE_TO_SIX = new DayPlan(java.time.LocalTime.of(9, 0), java.time.LocalTime.of(18, 0), 60,
            java.time.LocalTime.of(13, 0), java.time.LocalTime.of(14, 0));

    /** The clinic's default slots when no day plan gives them (unevenly spaced); null when one does. */
    public String getIrregularDefaultSlots() {
        ClinicSchedule.DefaultWeek defaults = scheduling.defaultWeek();
        return defaults.asDayPlan().isPresent() ? null : String.join(", ", defaults.slotTimes());
    }

    public void addHoliday() {
        try {
            scheduling.addHoliday(date(holidayDate), holidayName);
            Messages.addGlobalInfo("schedule.holiday.added", holidayDate, holidayName == null ? "" : holidayName.strip());
            holidayDate = null;
            holidayName = null;
            outside = null;
            holidays = null;
        } catch (BookingException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
    }

    public void removeHoliday(LocalDate date) {
        scheduling.removeHoliday(date);
        Messages.addGlobalInfo("schedule.holiday.removed", date);
        outside = null;
        holidays = null;
    }

    public boolean isDoctorActive() {
        return doctorId == null || directory.isActive(doctorId);
    }

    public void setDoctorActive(boolean active) {
        try {
            scheduling.setDoctorActive(doctorId, active);
            Messages.addGlobalInfo(active ? "schedule.doctor.reactivated" : "schedule.doctor.deactivated",
                    doctorName(doctorId));
            outside = null;
        } catch (BookingException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
    }

    public void doctorChanged() {
        fillWeek();
    }

    public void savePlan() {
        try {
            Map<DayOfWeek, DayPlan> days = new EnumMap<>(DayOfWeek.class);
            for (DayRow row : week) {
                if (row.working) {
                    try {
                        days.put(row.day, new DayPlan(time(row.start), time(row.end),
                                row.slotMinutes == null ? 0 : row.slotMinutes, time(row.breakStart), time(row.breakEnd)));
                    } catch (BookingException e) {
                        throw new BookingException("schedule.plan.day_problem", row.getDayName(),
                                Texts.get(e.getMessageKey(), e.getArguments()));
                    }
                }
            }
            LocalDate from = date(planFrom);
            if (from == null) {
                throw new BookingException("schedule.plan.from_required");
            }
            List<Appointment> left = scheduling.setPlan(doctorId, new WeeklyPlan(from, days));
            Messages.addGlobalInfo("schedule.plan.saved", from);
            if (!left.isEmpty()) {
                Messages.addGlobalWarn("schedule.plan.outside", left.size());
            }
            outside = null;
        } catch (BookingException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
    }

    private static LocalDate date(String text) {
        try {
            return DateParameter.parse(text);
        } catch (java.time.DateTimeException e) {
            throw new BookingException("schedule.date.invalid");
        }
    }

    private static LocalTime time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BookingException("schedule.plan.time_invalid", text.strip());
        }
    }

    private Leave leave() {
        return new Leave(leaveDoctor == null ? "" : leaveDoctor, date(leaveFrom), date(leaveTo), leaveReason);
    }

    /** Shows the appointments the leave would cancel, for the admin to confirm. */
    public void previewLeave() {
        try {
            leaveAffected = scheduling.affectedByLeave(leave());
            Messages.addGlobalInfo(leaveAffected.isEmpty() ? "schedule.leave.none_affected" : "schedule.leave.affected",
                    leaveAffected.size());
        } catch (BookingException e) {
            leaveAffected = null;
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
    }

    public void confirmLeave() {
        try {
            Leave leave = leave();
            List<Appointment> cancelled = scheduling.placeLeave(leave);
            if (leave.from().equals(leave.to())) {
                Messages.addGlobalInfo("schedule.leave.placed_day", leave.from(), cancelled.size());
            } else {
                Messages.addGlobalInfo("schedule.leave.placed", leave.from(), leave.to(), cancelled.size());
            }
            leaveAffected = null;
            leaveFrom = null;
            leaveTo = null;
            leaveReason = null;
            outside = null;
        } catch (BookingException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
    }

    public List<Leave> getLeaves() {
        return scheduling.currentAndComingLeaves();
    }

    public List<Appointment> getLeaveAffected() {
        return leaveAffected;
    }

    public String getLeaveDoctor() {
        return leaveDoctor;
    }

    public void setLeaveDoctor(String leaveDoctor) {
        this.leaveDoctor = leaveDoctor;
    }

    public String getLeaveFrom() {
        return leaveFrom;
    }

    public void setLeaveFrom(String leaveFrom) {
        this.leaveFrom = leaveFrom;
    }

    public String getLeaveTo() {
        return leaveTo;
    }

    public void setLeaveTo(String leaveTo) {
        this.leaveTo = leaveTo;
    }

    public String getLeaveReason() {
        return leaveReason;
    }

    public void setLeaveReason(String leaveReason) {
        this.leaveReason = leaveReason;
    }

    public String doctorName(String id) {
        return directory.find(id).map(Doctor::getName).orElse(id);
    }

    /** The audit trail's filter for holidays added, where those before today are. */
    public String getHolidayAuditAction() {
        return ChangeType.HOLIDAY_ADDED.code();
    }

    /** The audit trail's filter for leave placed, where leave over before today is. */
    public String getLeaveAuditAction() {
        return ChangeType.LEAVE_PLACED.code();
    }

    public List<Holiday> getHolidays() {
        if (holidays == null) {
            holidays = scheduling.comingHolidays();
        }
        return holidays;
    }

    public List<WeeklyPlan> getPlans() {
        return doctorId == null ? List.of() : scheduling.schedule().plans(doctorId);
    }

    public String summary(WeeklyPlan plan) {
        StringBuilder text = new StringBuilder();
        for (DayOfWeek day : DayOfWeek.values()) {
            DayPlan d = plan.days().get(day);
            if (d != null) {
                text.append(text.length() == 0 ? "" : "; ").append(day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                        .append(' ').append(d.start()).append('–').append(d.end()).append(" (")
                        .append(d.slotTimes().size()).append(')');
            }
        }
        return text.length() == 0 ? Texts.get("schedule.plan.no_days") : text.toString();
    }

    public List<Appointment> getOutside() {
        if (outside == null) {
            outside = scheduling.outsideWorkingHours();
        }
        return outside;
    }

    public List<Doctor> getDoctors() {
        return directory.all();
    }

    public List<DayRow> getWeek() {
        return week;
    }

    public String getHolidayDate() {
        return holidayDate;
    }

    public void setHolidayDate(String holidayDate) {
        this.holidayDate = holidayDate;
    }

    public String getHolidayName() {
        return holidayName;
    }

    public void setHolidayName(String holidayName) {
        this.holidayName = holidayName;
    }

    public String getDoctorId() {
        return doctorId;
    }

    public void setDoctorId(String doctorId) {
        this.doctorId = doctorId;
    }

    public String getPlanFrom() {
        return planFrom;
    }

    public void setPlanFrom(String planFrom) {
        this.planFrom = planFrom;
    }
}
