package org.clinic.appointments.domain;

/** What an admin can do to an appointment; the rules for each live in {@link Appointment#adminRefusal}. */
public enum AdminAction {
    CANCEL("cancel", "cancelled"),
    NO_SHOW("no_show", "no_show"),
    REFUND("refund", "refunded"),
    MARK_PAID("mark_paid", "marked_paid"),
    ARRIVE("arrive", "arrived"),
    COMPLETE("complete", "completed");

    private final String code;
    private final String historyAction;

    AdminAction(String code, String historyAction) {
        this.code = code;
        this.historyAction = historyAction;
    }

    public String code() {
        return code;
    }

    /** The action's name in an appointment's history. */
    public String historyAction() {
        return historyAction;
    }

    public static AdminAction fromCode(String code) {
        for (AdminAction action : values()) {
            if (action.code.equals(code)) {
                return action;
            }
        }
        throw new IllegalArgumentException("Unknown admin action '" + code + "'");
    }
}
