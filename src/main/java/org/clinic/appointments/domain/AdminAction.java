package org.clinic.appointments.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/** What an admin can do to an appointment, and when they may ({@link #refusal}). */
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

    /**
     * Why an admin may not take this action on {@code a} now (a message key), or null when they may. Cancel: while
     * it is pending or confirmed. No-show: confirmed, from the slot's start. Refund: a successful payment, once.
     * Mark paid: a confirmed appointment whose Pay-at-Clinic payment is pending. Arrive: confirmed, on its day.
     * Complete: arrived.
     */
    public String refusal(Appointment a, ClinicRules rules, Instant now) {
        AppointmentStatus status = a.getStatus();
        PaymentStatus payment = a.getPaymentStatus();
        return switch (this) {
            case CANCEL -> status == AppointmentStatus.PENDING_PAYMENT || status == AppointmentStatus.CONFIRMED ? null
                    : "admin.refused.cancel";
            case NO_SHOW -> {
                if (status != AppointmentStatus.CONFIRMED) {
                    yield "admin.refused.no_show.not_confirmed";
                }
                yield now.isBefore(rules.startOf(a)) ? "admin.refused.no_show.not_started" : null;
            }
            case REFUND -> {
                if (payment == PaymentStatus.REFUNDED) {
                    yield "admin.refused.refund.already";
                }
                yield payment == PaymentStatus.SUCCESS ? null : "admin.refused.refund.not_paid";
            }
            case MARK_PAID -> {
                if (a.getPaymentMethod() != PaymentMethod.PAY_AT_CLINIC || payment != PaymentStatus.PENDING) {
                    yield "admin.refused.mark_paid.not_clinic_pending";
                }
                yield status.isBooked() ? null : "admin.refused.mark_paid.not_confirmed";
            }
            case ARRIVE -> {
                if (status != AppointmentStatus.CONFIRMED) {
                    yield "admin.refused.arrive.not_confirmed";
                }
                yield a.getDate().equals(rules.today(now)) ? null : "admin.refused.arrive.not_today";
            }
            case COMPLETE -> status == AppointmentStatus.ARRIVED ? null : "admin.refused.complete.not_arrived";
        };
    }

    /** The actions an admin may take on {@code a} now, in the order the pages show them. */
    public static Set<AdminAction> allowedOn(Appointment a, ClinicRules rules, Instant now) {
        Set<AdminAction> allowed = EnumSet.noneOf(AdminAction.class);
        for (AdminAction action : values()) {
            if (action.refusal(a, rules, now) == null) {
                allowed.add(action);
            }
        }
        return allowed;
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
