package org.clinic.appointments.domain;

/** What a stored change did, as the journal and the change log name it. */
public enum ChangeType {
    USER_REGISTERED("user.registered"),
    PASSWORD_REHASHED("user.password_rehashed"),
    BOOKED("appointment.booked"),
    PAYMENT("appointment.payment"),
    PAYMENT_REVERSED("appointment.payment_reversed"),
    PAYMENT_REVERSAL_OWED("appointment.payment_reversal_owed"),
    CANCELLED("appointment.cancelled"),
    RESCHEDULED("appointment.rescheduled"),
    HOLD_EXPIRED("appointment.hold_expired"),
    NO_SHOW("appointment.no_show"),
    REFUNDED("appointment.refunded"),
    MARKED_PAID("appointment.marked_paid"),
    ARRIVED("appointment.arrived"),
    COMPLETED("appointment.completed"),
    REBOOKED("appointment.rebooked"),
    MESSAGE_SENT("appointment.message_sent"),
    MESSAGE_FAILED("appointment.message_failed"),
    REMINDER_QUEUED("appointment.reminder_queued"),
    PATIENT_DETAILS("appointment.patient_details"),
    DOCTOR_DETAILS("appointment.doctor_details"),
    PATIENT_MERGED("appointment.patient_merged"),
    PATIENT_MERGE_UNDONE("appointment.patient_merge_undone"),
    LEAVE_PLACED("schedule.leave_placed"),
    DOCTOR_DEACTIVATED("schedule.doctor_deactivated"),
    DOCTOR_REACTIVATED("schedule.doctor_reactivated"),
    HOLIDAY_ADDED("schedule.holiday_added"),
    HOLIDAY_REMOVED("schedule.holiday_removed"),
    PLAN_SET("schedule.plan_set"),
    DOCTOR_ADDED("doctor.added"),
    DOCTOR_EDITED("doctor.edited"),
    DOCTOR_PHOTO_CHANGED("doctor.photo_changed"),
    SPECIALIZATIONS_CHANGED("clinic.specializations_changed"),
    PROFILE_CHANGED("user.profile_changed"),
    PASSWORD_CHANGED("user.password_changed"),
    PASSWORD_RESET_REQUESTED("user.password_reset_requested"),
    PASSWORD_RESET("user.password_reset"),
    VERIFICATION_SENT("user.verification_sent"),
    EMAIL_VERIFIED("user.email_verified"),
    WAITLIST_JOINED("user.waitlist_joined"),
    WAITLIST_LEFT("user.waitlist_left"),
    WAITLIST_OFFER_MADE("user.waitlist_offer_made"),
    WAITLIST_OFFERED("appointment.waitlist_offered"),
    EMAIL_CHANGE_REQUESTED("user.email_change_requested"),
    ONLINE_ACCESS_OFFERED("user.online_access_offered"),
    ONLINE_ACCESS_TAKEN("user.online_access_taken"),
    MERGED_INTO("user.merged_into"),
    MERGE_UNDONE("user.merge_undone"),
    SUSPENDED("user.suspended"),
    REACTIVATED("user.reactivated"),
    ADMIN_INVITED("user.admin_invited"),
    INVITATION_ACCEPTED("user.invitation_accepted"),
    INVITATION_WITHDRAWN("user.invitation_withdrawn");

    private final String code;

    ChangeType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The change type of a stored code. */
    public static ChangeType ofCode(String code) {
        for (ChangeType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Not a change type: " + code);
    }

    /** The change an admin's action makes. */
    public static ChangeType of(AdminAction action) {
        return switch (action) {
            case CANCEL -> CANCELLED;
            case NO_SHOW -> NO_SHOW;
            case REFUND -> REFUNDED;
            case MARK_PAID -> MARKED_PAID;
            case ARRIVE -> ARRIVED;
            case COMPLETE -> COMPLETED;
        };
    }
}
