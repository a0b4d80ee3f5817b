package org.clinic.appointments.web.admin;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;

import org.clinic.appointments.application.ClinicAdministration;
import org.clinic.appointments.application.DoctorDirectory;
import org.clinic.appointments.domain.AdminAction;
import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.AppointmentStatus;
import org.clinic.appointments.domain.ClinicFigures;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.PaymentMethod;
import org.clinic.appointments.domain.PaymentStatus;
import org.clinic.appointments.web.Texts;
import org.omnifaces.util.Messages;

/**
 * The admin dashboard ({@code /admin/dashboard}): the clinic's figures and every appointment in a lazy table
 * whose filters live in the URL.
 */
@Named
@ViewScoped
public class DashboardBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Looked up once: each {@code Json.createX} call searches the class path for the JSON-P provider. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    @Inject
    ClinicAdministration administration;

    @Inject
    DoctorDirectory directory;

    @Inject
    AdminActionRunner actions;

    private final AppointmentFilters filters = new AppointmentFilters();
    private final TablePosition position = new TablePosition();
    private AppointmentsLazyModel model;
    private ClinicFigures figures;
    private List<DoctorRow> perDoctor;

    /** The chart shows this many of the busiest doctors; the table lists them all. */
    static final int CHART_DOCTORS = 12;

    /** Reads the filters from the URL. */
    public void load() {
        if (filters.getDoctor() != null && directory.find(filters.getDoctor()).isEmpty()) {
            Messages.addGlobalWarn("dashboard.doctor.unknown");
            filters.setDoctor(null);
        }
        if (filters.isRangeInverted()) {
            Messages.addGlobalWarn(AppointmentFilters.RANGE_INVERTED, filters.getFrom(), filters.getTo());
        }
        model = new AppointmentsLazyModel(administration, filters.toQuery(), filters.sortOrDefault(), filters.ascending());
        figures = administration.figures();
        perDoctor = null;
    }

    /** How many rows the filters match, as the table counted them (the export buttons come after it). */
    public int getExportRows() {
        return model.getRowCount();
    }

    /** Applies the filter form by reloading with the filters in the URL. */
    public String applyFilters() {
        if (filters.isRangeInverted()) {
            Messages.addGlobalError(AppointmentFilters.RANGE_INVERTED, filters.getFrom(), filters.getTo());
            return null;
        }
        String query = filters.queryString();
        return "/admin/dashboard?faces-redirect=true" + (query.isEmpty() ? "" : "&" + query);
    }

    public String clearFilters() {
        return "/admin/dashboard?faces-redirect=true";
    }

    /** An action from a row of the table; the table and figures show the result. */
    public void act(String appointmentId, String actionCode) {
        if (actions.run(appointmentId, actionCode, null) != null) {
            figures = administration.figures();
            perDoctor = null;
        }
    }

    public Set<AdminAction> actionsOf(Appointment appointment) {
        return administration.actions(appointment);
    }

    public boolean can(Appointment appointment, String actionCode) {
        return actionsOf(appointment).contains(AdminAction.fromCode(actionCode));
    }

    public List<Doctor> getDoctors() {
        return directory.all();
    }

    public String doctorName(String doctorId) {
        return directory.find(doctorId).map(Doctor::getName).orElse(doctorId);
    }

    public int statusCount(String code) {
        return figures.count(AppointmentStatus.fromCode(code));
    }

    public AppointmentStatus[] getStatuses() {
        return AppointmentStatus.values();
    }

    public PaymentStatus[] getPaymentStatuses() {
        return PaymentStatus.values();
    }

    public PaymentMethod[] getMethods() {
        return PaymentMethod.values();
    }

    /** Bookings per doctor, the busiest first. */
    public List<DoctorRow> getPerDoctor() {
        if (perDoctor == null) {
            perDoctor = figures.byDoctor().entrySet().stream()
                    .map(e -> new DoctorRow(doctorName(e.getKey()), e.getValue()))
                    .sorted(java.util.Comparator.comparingInt((DoctorRow r) -> r.figures().total()).reversed())
                    .toList();
        }
        return perDoctor;
    }

    /** A doctor's name with their bookings. */
    public record DoctorRow(String name, ClinicFigures.DoctorFigures figures) implements Serializable {
    }

    /** The busiest doctors' bookings by status as a Chart.js stacked bar chart. */
    public String getDoctorChart() {
        JsonArrayBuilder labels = JSON.createArrayBuilder();
        JsonArrayBuilder confirmed = JSON.createArrayBuilder();
        JsonArrayBuilder pending = JSON.createArrayBuilder();
        JsonArrayBuilder cancelled = JSON.createArrayBuilder();
        JsonArrayBuilder noShow = JSON.createArrayBuilder();
        for (DoctorRow row : getPerDoctor().subList(0, Math.min(CHART_DOCTORS, getPerDoctor().size()))) {
            labels.add(row.name());
            confirmed.add(row.figures().confirmed());
            pending.add(row.figures().pending());
            cancelled.add(row.figures().cancelled());
            noShow.add(row.figures().noShow());
        }
        JsonArrayBuilder datasets = JSON.createArrayBuilder()
                .add(dataset("status.confirmed", confirmed, "#16a34a"))
                .add(dataset("status.pending_payment", pending, "#ca8a04"))
                .add(dataset("status.cancelled", cancelled, "#dc2626"))
                .add(dataset("status.no_show", noShow, "#6b7280"));
        return JSON.createObjectBuilder()
                .add("type", "bar")
                .add("data", JSON.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", JSON.createObjectBuilder()
                        .add("responsive", true)
                        .add("animation", false)
                        .add("scales", JSON.createObjectBuilder()
                                .add("x", JSON.createObjectBuilder().add("stacked", true))
                                .add("y", JSON.createObjectBuilder().add("stacked", true))))
                .build().toString();
    }

    private static jakarta.json.JsonObjectBuilder dataset(String labelKey, JsonArrayBuilder values, String colour) {
        return JSON.createObjectBuilder().add("label", Texts.get(labelKey)).add("data", values)
                .add("backgroundColor", colour);
    }

    public TablePosition getPosition() {
        return position;
    }

    public AppointmentFilters getFilters() {
        return filters;
    }

    public AppointmentsLazyModel getModel() {
        return model;
    }

    public ClinicFigures getFigures() {
        return figures;
    }
}
