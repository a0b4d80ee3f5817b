package org.clinic.appointments.web.admin;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.clinic.appointments.application.ClinicAdministration;
import org.clinic.appointments.application.ClinicScheduling;
import org.clinic.appointments.application.DoctorDirectory;
import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.ClinicRules;
import org.clinic.appointments.domain.ClinicSchedule;
import org.clinic.appointments.domain.DayPlan;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.infrastructure.config.AppConfig;
import org.clinic.appointments.web.DateParameter;
import org.clinic.appointments.web.Texts;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.model.DefaultScheduleEvent;
import org.primefaces.model.LazyScheduleModel;
import org.primefaces.model.ScheduleDisplayMode;
import org.primefaces.model.ScheduleModel;

/**
 * The admin calendar ({@code /admin/calendar?doctor=…&view=…&date=…}): one doctor's or all doctors'
 * appointments by day, week or month, coloured by status; an event opens the appointment page.
 */
@Named
@ViewScoped
public class CalendarBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    /** More events than this in one view would not be readable; the page says so. */
    public static final int MAX_EVENTS = 500;
    /** A month view's six weeks; a longer range asked for is shaded no further. */
    private static final int MAX_SHADED_DAYS = 42;
    public static final List<String> VIEWS = List.of("timeGridDay", "timeGridWeek", "dayGridMonth");

    @Inject
    ClinicAdministration administration;

    @Inject
    DoctorDirectory directory;

    @Inject
    ClinicScheduling scheduling;

    @Inject
    AppConfig config;

    private String doctor;
    private String view;
    private String date;
    private LocalDate initialDate;
    private ScheduleModel model;
    private CalendarHours hours;

    public void load() {
        if (doctor != null && directory.find(doctor).isEmpty()) {
            Messages.addGlobalWarn("calendar.doctor.unknown");
            doctor = null;
        }
        if (view == null || !VIEWS.contains(view)) {
            view = "timeGridWeek";
        }
        initialDate = DateParameter.parse(date);
        String doctorId = doctor;
        ClinicRules rules = config.rules();
        java.time.Duration visit = config.visitLength();
        hours = workingHours(doctorId, visit);
        String base = Faces.getRequestContextPath() + "/admin/appointment?id=";
        model = new LazyScheduleModel() {
            private static final long serialVersionUID = 1L;

            @Override
            public void loadEvents(LocalDateTime start, LocalDateTime end) {
                List<Appointment> shown = administration.calendar(doctorId, start.toLocalDate(),
                        end.toLocalDate(), MAX_EVENTS).rows();
                for (Appointment a : shown) {
                    LocalDateTime begins = LocalDateTime.ofInstant(rules.startOf(a), rules.zone());
                    addEvent(DefaultScheduleEvent.builder()
                            .id(a.getId())
                            .title(a.getUserName() + (doctorId == null ? " · " + a.getDoctorName() : ""))
                            .startDate(begins)
                            .endDate(begins.plus(visit))
                            .styleClass("event-" + a.getStatus().code())
                            .description(a.getTime() + " · " + a.getDoctorName())
                            .url(base + a.getId())
                            .build());
                }
                ClinicSchedule schedule = scheduling.schedule();
                ClinicSchedule.DefaultWeek week = scheduling.defaultWeek();
                LocalDate last = start.toLocalDate().plusDays(MAX_SHADED_DAYS);
                for (LocalDate day = start.toLocalDate(); day.isBefore(end.toLocalDate()) && day.isBefore(last); day = day.plusDays(1)) {
                    LocalDate shaded = day;
                    closedLabel(schedule, week, doctorId, day).ifPresent(label -> {
                        addEvent(closedShade(label, shaded.atTime(hours.firstHour(), 0),
                                hours.endHour() == 24 ? shaded.plusDays(1).atStartOfDay() : shaded.atTime(hours.endHour(), 0), false));
                        addEvent(closedShade(label, shaded.atStartOfDay(), shaded.plusDays(1).atStartOfDay(), true));
                    });
                }
            }
        };
    }

    /** Day and week views draw the timed shade across the hours, the month view the all-day one. */
    private static DefaultScheduleEvent<?> closedShade(String label, LocalDateTime from, LocalDateTime until, boolean allDay) {
        return DefaultScheduleEvent.builder().title(label).startDate(from).endDate(until).allDay(allDay)
                .display(ScheduleDisplayMode.BACKGROUND).styleClass("event-closed").build();
    }

    /** A day without slots, shaded with why: for all doctors only the clinic's holidays. */
    private static Optional<String> closedLabel(ClinicSchedule schedule, ClinicSchedule.DefaultWeek week, String doctorId,
            LocalDate day) {
        if (doctorId == null) {
            return schedule.holiday(day).map(h -> Texts.get("calendar.closed.holiday", h.name()));
        }
        return schedule.closed(doctorId, day, week)
                .map(closed -> Texts.get("calendar.closed." + closed.why().code(), closed.detail()));
    }

    private CalendarHours workingHours(String doctorId, java.time.Duration visit) {
        ClinicSchedule schedule = scheduling.schedule();
        List<DayPlan> plans = (doctorId == null ? schedule.plans().values().stream().flatMap(List::stream)
                : schedule.plans(doctorId).stream()).flatMap(plan -> plan.days().values().stream()).toList();
        List<LocalTime> defaultSlots = scheduling.defaultWeek().days().isEmpty() ? List.of()
                : scheduling.defaultWeek().slotTimes().stream().map(ClinicRules::parseTime).toList();
        return CalendarHours.covering(plans, defaultSlots, visit);
    }

    public String show() {
        StringBuilder outcome = new StringBuilder("/admin/calendar?faces-redirect=true&view=").append(view);
        if (doctor != null && !doctor.isBlank()) {
            outcome.append("&doctor=").append(java.net.URLEncoder.encode(doctor, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (initialDate != null) {
            outcome.append("&date=").append(initialDate);
        }
        return outcome.toString();
    }

    public List<Doctor> getDoctors() {
        return directory.all();
    }

    public ScheduleModel getModel() {
        return model;
    }

    /** The first day the calendar shows, kept by the browser as it moves, so that choosing a doctor stays there. */
    public String getShownDate() {
        return initialDate == null ? null : initialDate.toString();
    }

    public void setShownDate(String shown) {
        try {
            LocalDate read = DateParameter.parse(shown);
            if (read != null) {
                initialDate = read;
            }
        } catch (java.time.DateTimeException unreadable) {
            // The date the page was opened on stays.
        }
    }

    public LocalDate getInitialDate() {
        return initialDate;
    }

    public String getZone() {
        return config.zone().getId();
    }

    public String getMinTime() {
        return hours.start();
    }

    public String getMaxTime() {
        return hours.end();
    }

    public int getMaxEvents() {
        return MAX_EVENTS;
    }

    public String getDoctor() {
        return doctor;
    }

    public void setDoctor(String doctor) {
        this.doctor = doctor == null || doctor.isBlank() ? null : doctor;
    }

    public String getView() {
        return view;
    }

    public void setView(String view) {
        this.view = view;
    }

    public String getDate() {
        return date;
    }

    public void setDate(String date) {
        this.date = date;
    }
}
