package org.clinic.appointments.web.admin;

import java.io.Serializable;
import java.util.List;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.clinic.appointments.application.AccessAddress;
import org.clinic.appointments.application.ClinicAdministration;
import org.clinic.appointments.application.OnlineAccess;
import org.clinic.appointments.application.PatientRecords;
import org.clinic.appointments.application.WalkIn;
import org.clinic.appointments.domain.AccountChange;
import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.web.MailLinks;
import org.clinic.appointments.web.Texts;
import org.omnifaces.util.Messages;

/**
 * One patient ({@code /admin/patient?id=}): their details and appointments; suspend or reactivate them; correct
 * a walk-in's name and phone; give a walk-in online access; merge a walk-in's record into the same patient's account
 * or other walk-in's record.
 */
@Named
@ViewScoped
public class PatientRecordBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PatientRecords records;

    @Inject
    ClinicAdministration administration;

    @Inject
    OnlineAccess onlineAccess;

    @Inject
    MailLinks links;

    private String id;
    private User patient;
    private List<Appointment> appointments = List.of();
    private List<MessageRow> messages = List.of();
    private List<AccountChange> accountChanges = List.of();
    private final java.util.Map<String, String> actorNames = new java.util.HashMap<>();
    private WalkIn details = new WalkIn();
    private AccessAddress access = new AccessAddress();
    private String mergeEmail;
    /** The name or phone of the patient's other walk-in's record, as the admin typed it. */
    private String mergeQuery;
    /** The other walk-ins' records found by {@link #mergeQuery}, for the admin to choose from. */
    private List<User> mergeCandidates = List.of();
    /** The account or record the admin chose to merge this walk-in's record into, shown for a confirmation. */
    private User mergeTarget;
    /** The account or record this walk-in's record was merged into, if it was. */
    private User mergedInto;
    /** The walk-ins' records merged into this one, and into those. */
    private List<User> mergedHere = List.of();

    /**
     * A message to the patient: when, about which appointment, its kind, and what became of it (a history
     * action: message_sent, message_failed, message_gave_up; or waiting, still in the outbox).
     */
    public record MessageRow(java.time.Instant at, String appointmentId, String kind, String outcome, String detail) {
    }

    public void load() {
        patient = id == null ? null : records.find(id).orElse(null);
        if (patient == null) {
            Messages.addGlobalError("patients.unknown");
            return;
        }
        if (!FacesContext.getCurrentInstance().isPostback() || !patient.isWalkIn()) {
            details = WalkIn.of(patient);
        }
        mergedInto = patient.mergedIntoId() == null ? null : records.find(patient.mergedIntoId()).orElse(null);
        mergedHere = patient.isWalkIn() && mergedInto != null ? List.of() : records.mergedInto(patient.getId());
        appointments = records.appointments(patient.getId());
        messages = messagesOf(appointments);
        List<AccountChange> newestFirst = new java.util.ArrayList<>(patient.getChanges());
        java.util.Collections.reverse(newestFirst);
        accountChanges = List.copyOf(newestFirst);
        actorNames.putAll(administration.actorNames(accountChanges.stream().map(AccountChange::getActor).toList()));
    }

    /** The changes of this account, newest first. */
    public List<AccountChange> getAccountChanges() {
        return accountChanges;
    }

    public String actorName(String actorId) {
        return actorNames.getOrDefault(actorId, actorId);
    }

    static List<MessageRow> messagesOf(List<Appointment> appointments) {
        List<MessageRow> rows = new java.util.ArrayList<>();
        for (Appointment a : appointments) {
            for (var h : a.getHistory()) {
                if (h.getAction() != null && h.getAction().startsWith("message_") && h.getNote() != null) {
                    int colon = h.getNote().indexOf(':');
                    rows.add(new MessageRow(h.getAt(), a.getId(), colon < 0 ? h.getNote() : h.getNote().substring(0, colon),
                            h.getAction(), colon < 0 ? null : h.getNote().substring(colon + 1).strip()));
                }
            }
            for (var m : a.getMessages()) {
                rows.add(new MessageRow(m.getQueuedAt(), a.getId(), m.getKind().code(), WAITING, m.getLastError()));
            }
        }
        rows.sort(java.util.Comparator.comparing(MessageRow::at, java.util.Comparator.nullsLast(
                java.util.Comparator.<java.time.Instant>naturalOrder())).reversed());
        return List.copyOf(rows);
    }

    /** The outcome of a message still in the outbox. */
    public static final String WAITING = "waiting";

    public boolean isMailConfigured() {
        return administration.mailConfigured();
    }

    public List<MessageRow> getMessages() {
        return messages;
    }

    public void suspend() {
        try {
            int released = records.suspend(patient.getId());
            Messages.addGlobalInfo("patients.suspended", patient.getName(), released);
        } catch (BookingException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
        load();
    }

    public void correctDetails() {
        try {
            User corrected = records.correctWalkIn(patient.getId(), details);
            Messages.addGlobalInfo("patients.details.saved", corrected.getName());
            details = WalkIn.of(corrected);
        } catch (BookingException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
        load();
    }

    /** Mails the walk-in a link to choose a password, at the address they gave. */
    public void offerAccess() {
        try {
            User offered = onlineAccess.offer(patient.getId(), access, links.page("reset"));
            Messages.addGlobalInfo("patients.access.sent", offered.getPendingEmail());
            access = new AccessAddress();
        } catch (BookingException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
        load();
    }

    /** Finds the account to merge this walk-in's record into, for the admin to confirm. */
    public void findMergeTarget() {
        try {
            mergeTarget = records.mergeTarget(patient.getId(), mergeEmail);
        } catch (BookingException e) {
            mergeTarget = null;
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
        load();
    }

    /** Finds the patient's other walk-in's records by name or phone; the only one found is shown for a confirmation. */
    public void findMergeRecords() {
        try {
            mergeCandidates = records.otherWalkIns(patient.getId(), mergeQuery);
            if (mergeCandidates.size() == 1) {
                chooseMergeRecord(mergeCandidates.get(0).getId());
                return;
            }
        } catch (BookingException e) {
            mergeCandidates = List.of();
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
        load();
    }

    /** The record, among those found, to merge this walk-in's record into, for the admin to confirm. */
    public void chooseMergeRecord(String recordId) {
        try {
            if (mergeCandidates.stream().noneMatch(u -> u.getId().equals(recordId))) {
                throw new BookingException("patients.merge.target");
            }
            mergeTarget = records.mergeTargetRecord(patient.getId(), recordId);
            mergeCandidates = List.of();
        } catch (BookingException e) {
            mergeTarget = null;
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
        load();
    }

    /** Merges this walk-in's record into the account found (or moves what a stop left on it); opens the account. */
    public String merge() {
        User target = mergedInto != null ? mergedInto : mergeTarget;
        if (target == null) {
            load();
            return null;
        }
        try {
            int moved = records.merge(patient.getId(), target.getId());
            Messages.addFlashGlobalInfo(target.isWalkIn() ? "patients.merge.done_record" : "patients.merge.done", moved,
                    patient.getName());
            return "/admin/patient?faces-redirect=true&id=" + target.getId();
        } catch (BookingException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
            mergeTarget = null;
            load();
            return null;
        }
    }

    /** Undoes this record's merge: it is its own again, and the appointments that came from it are back. */
    public void undoMerge() {
        try {
            int moved = records.undoMerge(patient.getId());
            Messages.addGlobalInfo("patients.merge.undone", moved);
        } catch (BookingException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
        mergeTarget = null;
        load();
    }

    public void cancelMerge() {
        mergeTarget = null;
        mergeEmail = null;
        mergeQuery = null;
        mergeCandidates = List.of();
        load();
    }

    public String getMergeQuery() {
        return mergeQuery;
    }

    public void setMergeQuery(String mergeQuery) {
        this.mergeQuery = mergeQuery;
    }

    public List<User> getMergeCandidates() {
        return mergeCandidates;
    }

    public String getMergeEmail() {
        return mergeEmail;
    }

    public void setMergeEmail(String mergeEmail) {
        this.mergeEmail = mergeEmail;
    }

    public User getMergeTarget() {
        return mergeTarget;
    }

    /** What a merge into the account or record found would do, for the admin to confirm. */
    public String getMergePreview() {
        if (mergeTarget == null) {
            return "";
        }
        return mergeTarget.isWalkIn()
                ? Texts.get("patients.merge.preview_record", patient.getName(), patient.getPhone(),
                        mergeTarget.getName(), mergeTarget.getPhone(), appointments.size())
                : Texts.get("patients.merge.preview", patient.getName(), patient.getPhone(), mergeTarget.getName(),
                        mergeTarget.getEmail(), mergeTarget.getPhone(), appointments.size());
    }

    public List<User> getMergedHere() {
        return mergedHere;
    }

    public User getMergedInto() {
        return mergedInto;
    }

    public AccessAddress getAccess() {
        return access;
    }

    public boolean isAccessAvailable() {
        return onlineAccess.available();
    }

    /** How many hours a link to choose a password works. */
    public long getAccessHours() {
        return onlineAccess.validFor().toHours();
    }

    public WalkIn getDetails() {
        return details;
    }

    public void reactivate() {
        try {
            records.reactivate(patient.getId());
            Messages.addGlobalInfo("patients.reactivated", patient.getName());
        } catch (BookingException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
        load();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public User getPatient() {
        return patient;
    }

    public List<Appointment> getAppointments() {
        return appointments;
    }
}
