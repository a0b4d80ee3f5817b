package org.clinic.appointments.application;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.clinic.appointments.domain.AdminAction;
import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.ChargeReversals;
import org.clinic.appointments.domain.ClinicRules;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.HistoryEntry;
import org.clinic.appointments.domain.MessageKind;
import org.clinic.appointments.domain.OutboxMessage;
import org.clinic.appointments.domain.PaymentMethod;
import org.clinic.appointments.domain.port.Postbox;
import org.clinic.appointments.domain.User;

/**
 * A message of the outbox as a mail, from the templates in {@code i18n/mail.properties}: the same words as plain
 * text and as HTML (every value escaped), with the clinic's name and address, and the calendar file (with a
 * reminder) for a confirmed booking.
 */
public final class MessageTemplates {

    private static final String BUNDLE = "i18n.mail";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    /** What the templates need of the clinic. */
    public record Clinic(String name, String address, ClinicRules rules, Duration visitLength) {
    }

    private MessageTemplates() {
    }

    public static Postbox.Mail mail(OutboxMessage message, Appointment a, Doctor doctor, Clinic clinic) {
        ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH);
        MessageKind kind = message.getKind();
        Object[] values = {a.getUserName(), a.getDoctorName(), DAY.format(a.getDate()), a.getTime(), clinic.name(),
            clinic.address(), a.getAmount() == null ? "" : a.getAmount().toPlainString(), a.getId(), clinicNote(a, texts),
            refundLine(a, texts)};
        String subject = format(texts.getString("mail." + kind.code() + ".subject"), values);
        String body = format(texts.getString("mail." + kind.code() + ".body"), values) + "\n\n"
                + format(texts.getString("mail.signature"), values).strip();
        List<Postbox.Attachment> files = new ArrayList<>();
        if (kind == MessageKind.BOOKING_CONFIRMED) {
            String ics = AppointmentCalendar.ics(a, doctor, clinic.rules(), clinic.visitLength(), true);
            files.add(new Postbox.Attachment("appointment-" + a.getDate() + ".ics", "text/calendar; charset=UTF-8",
                    ics.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return new Postbox.Mail(message.getId(), message.getRecipient(), subject, body, html(subject, body), files);
    }

    /** The mail with a password-reset link; its id names the account, never the link. */
    public static Postbox.Mail resetMail(User user, String link, Duration validFor,
            String clinicName, String clinicAddress) {
        return linkMail("password_reset", "reset", user, user.getEmail(), link, validFor.toMinutes(), clinicName,
                clinicAddress);
    }

    /** The verification link, to the address it is for (a new one the patient asked for, or their first). */
    public static Postbox.Mail verifyMail(User user, String link, Duration validFor,
            String clinicName, String clinicAddress) {
        return linkMail("verify", "verify", user, user.addressToVerify(), link, validFor.toHours(), clinicName,
                clinicAddress);
    }

    /** A walk-in's link to choose a password, to the address they gave the clinic. */
    public static Postbox.Mail accessMail(User walkIn, String link, Duration validFor,
            String clinicName, String clinicAddress) {
        return linkMail("online_access", "access", walkIn, walkIn.getPendingEmail(), link, validFor.toHours(),
                clinicName, clinicAddress);
    }

    /** A mail carrying a single-use link: the template {@code mail.<template>.*} with the time it stays valid. */
    private static Postbox.Mail linkMail(String template, String idPrefix, User user,
            String to, String link, long validFor, String clinicName, String clinicAddress) {
        ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH);
        Object[] values = {user.getName(), link, validFor, clinicName, clinicAddress};
        String subject = format(texts.getString("mail." + template + ".subject"), values);
        String body = format(texts.getString("mail." + template + ".body"), values) + "\n\n"
                + (clinicName + "\n" + clinicAddress).strip();
        return new Postbox.Mail(idPrefix + "." + user.getId() + "." + System.currentTimeMillis(), to, subject, body,
                html(subject, body), List.of());
    }

    /** The note of the clinic's cancellation, the latest; not that of a change after it, such as a refund. */
    private static String clinicNote(Appointment a, ResourceBundle texts) {
        List<HistoryEntry> history = a.getHistory();
        String note = null;
        for (int i = history.size() - 1; i >= 0; i--) {
            if (AdminAction.CANCEL.historyAction().equals(history.get(i).getAction())) {
                note = history.get(i).getNote();
                break;
            }
        }
        return note == null || note.isBlank() ? "" : format(texts.getString("mail.reason"), note);
    }

    /** How a refund reaches the patient: at the desk for a payment there, else through the gateway, with its reference once given back. */
    private static String refundLine(Appointment a, ResourceBundle texts) {
        if (a.getPaymentMethod() == PaymentMethod.PAY_AT_CLINIC) {
            return format(texts.getString("mail.refund.at_desk"));
        }
        return ChargeReversals.givenBack(a).stream().filter(g -> ChargeReversals.isRefund(a, g.chargeId())).findFirst()
                .map(g -> format(texts.getString("mail.refund.given_back"), g.reversal()))
                .orElseGet(() -> format(texts.getString("mail.refund.sent")));
    }

    private static String format(String pattern, Object... values) {
        return new MessageFormat(pattern, Locale.ENGLISH).format(values);
    }

    static String html(String subject, String text) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>")
                .append(HtmlText.escape(subject)).append("</title></head><body>");
        for (String paragraph : text.split("\n\n")) {
            html.append("<p>").append(HtmlText.escape(paragraph).replace("\n", "<br>")).append("</p>");
        }
        return html.append("</body></html>").toString();
    }
}
