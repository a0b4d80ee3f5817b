package org.clinic.appointments.web.admin;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.clinic.appointments.application.AccountAudit;
import org.clinic.appointments.application.ClinicAdministration;
import org.clinic.appointments.application.ClinicScheduling;
import org.clinic.appointments.domain.AccountRecordChange;
import org.clinic.appointments.domain.AuditEntry;
import org.clinic.appointments.domain.AuditQuery;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.ChargeReversals;
import org.clinic.appointments.domain.ScheduleChange;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.infrastructure.config.AppConfig;
import org.clinic.appointments.web.DateParameter;
import org.omnifaces.util.Messages;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.clinic.appointments.application.DoctorRecords;
import org.clinic.appointments.domain.DoctorRecordChange;

/**
 * The audit trail ({@code /admin/audit?actor=…&action=…&from=…&to=…}): every change of every appointment, of the
 * doctors' records, of the clinic's schedule and of accounts by admins, newest first, filtered by who, what and when
 * (dates in the clinic's time zone, both inclusive).
 */
@Named
@ViewScoped
public class AuditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The history actions there are, in the order a booking lives through them. */
    public static final List<String> ACTIONS = List.of("booked", "paid", "pay_at_clinic", "payment_failed",
            ChargeReversals.GIVEN_BACK, ChargeReversals.OWED,
            "rescheduled", "cancelled", "hold_expired", "no_show", "refunded", "marked_paid", "arrived", "completed", "rebooked",
            "patient_details", "patient_merged", "patient_merge_undone", "doctor_details",
            "reminder_queued", "message_sent", "message_failed", "message_gave_up");

    /** The changes of the clinic's schedule there are, as their codes. */
    public static final List<String> SCHEDULE_ACTIONS = Stream.of(ChangeType.HOLIDAY_ADDED,
            ChangeType.HOLIDAY_REMOVED, ChangeType.PLAN_SET, ChangeType.LEAVE_PLACED, ChangeType.DOCTOR_DEACTIVATED,
            ChangeType.DOCTOR_REACTIVATED).map(ChangeType::code).toList();

    /** The changes of accounts there are (by admins, and by their holders), as their codes. */
    public static final List<String> ACCOUNT_ACTIONS = Stream.of(ChangeType.USER_REGISTERED, ChangeType.SUSPENDED,
            ChangeType.REACTIVATED, ChangeType.ADMIN_INVITED, ChangeType.INVITATION_ACCEPTED,
            ChangeType.INVITATION_WITHDRAWN, ChangeType.PROFILE_CHANGED, ChangeType.EMAIL_VERIFIED,
            ChangeType.PASSWORD_CHANGED, ChangeType.PASSWORD_RESET, ChangeType.ONLINE_ACCESS_OFFERED,
            ChangeType.ONLINE_ACCESS_TAKEN, ChangeType.MERGED_INTO, ChangeType.MERGE_UNDONE).map(ChangeType::code)
            .toList();

    /** What the filter offers: the appointments' actions, then the schedule's, then the accounts'. */
    public static final List<String> ALL_ACTIONS = Stream.of(ACTIONS, SCHEDULE_ACTIONS, ACCOUNT_ACTIONS)
            .flatMap(List::stream).toList();

    @Inject
    ClinicAdministration administration;

    @Inject
    AppConfig config;

    @Inject
    DoctorRecords doctorRecords;

    @Inject
    ClinicScheduling scheduling;

    @Inject
    AccountAudit accountAudit;

    private List<DoctorRecordChange> doctorChanges;
    private List<ScheduleChange> scheduleChanges;
    private LazyDataModel<AccountRecordChange> accountChanges;
    private final Map<String, String> doctorNames = new HashMap<>();

    private String actor;
    private String action;
    private String from;
    private String to;
    private LazyDataModel<AuditEntry> model;
    private final TablePosition position = new TablePosition();
    private final Map<String, String> actorNames = new HashMap<>();

    public void load() {
        if (DateParameter.isInverted(from, to)) {
            Messages.addGlobalWarn(AppointmentFilters.RANGE_INVERTED, from, to);
        }
        LocalDate fromDate = DateParameter.parse(from);
        Instant fromInstant = fromDate == null ? null : fromDate.atStartOfDay(config.zone()).toInstant();
        LocalDate toDate = DateParameter.parse(to);
        Instant until = toDate == null ? null : toDate.plusDays(1).atStartOfDay(config.zone()).toInstant();
        boolean ofSchedule = SCHEDULE_ACTIONS.contains(action);
        boolean ofAccounts = ACCOUNT_ACTIONS.contains(action);
        AuditQuery query = ofSchedule || ofAccounts ? null : new AuditQuery(actor, action, fromInstant, until);
        doctorChanges = action == null ? doctorRecords.changes(actor, fromInstant, until) : List.of();
        actorNames.putAll(administration.actorNames(doctorChanges.stream().map(c -> c.change().getActor()).toList()));
        scheduleChanges = action == null || ofSchedule
                ? scheduling.changes(actor, ofSchedule ? ChangeType.ofCode(action) : null, fromInstant, until)
                : List.of();
        actorNames.putAll(administration.actorNames(scheduleChanges.stream()
                .map(ScheduleChange::actor).toList()));
        accountChanges = accountChanges(action == null || ofAccounts, actor,
                ofAccounts ? ChangeType.ofCode(action) : null, fromInstant, until);
        if (!scheduleChanges.isEmpty()) {
            doctorRecords.all().forEach(d -> doctorNames.put(d.getId(), d.getName()));
        }
        model = new LazyDataModel<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public int count(Map<String, FilterMeta> filterBy) {
                return query == null ? 0 : administration.audit(query, 0, 0).total();
            }

            @Override
            public List<AuditEntry> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                    Map<String, FilterMeta> filterBy) {
                if (query == null) {
                    setRowCount(0);
                    return List.of();
                }
                var page = administration.audit(query, first, pageSize);
                setRowCount(page.total());
                TablePosition.show(first, pageSize);
                actorNames.putAll(administration.actorNames(page.rows().stream()
                        .map(e -> e.change().getActor()).filter(id -> !actorNames.containsKey(id)).toList()));
                return page.rows();
            }
        };
    }

    /** The accounts' changes a page at a time (there may be one for every patient), or none when {@code shown} is false. */
    private LazyDataModel<AccountRecordChange> accountChanges(boolean shown, String actorId, ChangeType type,
            Instant fromInstant, Instant until) {
        return new LazyDataModel<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public int count(Map<String, FilterMeta> filterBy) {
                return shown ? accountAudit.changes(actorId, type, fromInstant, until, 0, 0).total() : 0;
            }

            @Override
            public List<AccountRecordChange> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                    Map<String, FilterMeta> filterBy) {
                if (!shown) {
                    setRowCount(0);
                    return List.of();
                }
                var page = accountAudit.changes(actorId, type, fromInstant, until, first, pageSize);
                setRowCount(page.total());
                actorNames.putAll(administration.actorNames(page.rows().stream().map(r -> r.change().getActor())
                        .filter(id -> !actorNames.containsKey(id)).toList()));
                return page.rows();
            }
        };
    }

    /** How many changes of appointments the filters match, as the table counted them (its exports come after it). */
    public int getExportRows() {
        return model.getRowCount();
    }

    public int getDoctorExportRows() {
        return doctorChanges.size();
    }

    public int getScheduleExportRows() {
        return scheduleChanges.size();
    }

    public int getAccountExportRows() {
        return accountChanges.getRowCount();
    }

    public String apply() {
        if (DateParameter.isInverted(from, to)) {
            Messages.addGlobalError(AppointmentFilters.RANGE_INVERTED, from, to);
            return null;
        }
        StringBuilder outcome = new StringBuilder("/admin/audit?faces-redirect=true");
        append(outcome, "actor", actor);
        append(outcome, "action", action);
        append(outcome, "from", from);
        append(outcome, "to", to);
        return outcome.toString();
    }

    private static void append(StringBuilder outcome, String name, String value) {
        if (value != null && !value.isBlank()) {
            outcome.append('&').append(name).append('=').append(URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
        }
    }

    public String clear() {
        return "/admin/audit?faces-redirect=true";
    }

    public String actorName(String actorId) {
        return actorNames.getOrDefault(actorId, actorId);
    }

    public List<User> getAdmins() {
        return administration.admins();
    }

    public List<String> getActions() {
        return ALL_ACTIONS;
    }

    /** Changes of the doctors' records that match the filters (none when an appointment action is chosen). */
    public List<DoctorRecordChange> getDoctorChanges() {
        return doctorChanges;
    }

    /** Changes of the clinic's schedule that match the filters (none when an appointment action is chosen). */
    public List<ScheduleChange> getScheduleChanges() {
        return scheduleChanges;
    }

    /** Changes of accounts that match the filters (none when another kind of action is chosen). */
    public LazyDataModel<AccountRecordChange> getAccountChanges() {
        return accountChanges;
    }

    /** A doctor's name, or the id of one no longer known. */
    public String doctorName(String doctorId) {
        return doctorNames.getOrDefault(doctorId, doctorId);
    }

    public TablePosition getPosition() {
        return position;
    }

    public LazyDataModel<AuditEntry> getModel() {
        return model;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }
}
