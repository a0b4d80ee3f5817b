package org.clinic.appointments.web.patient;

import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.clinic.appointments.application.AppointmentNotFoundException;
import org.clinic.appointments.application.BookingService;
import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.ChargeReversals;
import org.clinic.appointments.domain.AppointmentStatus;
import org.clinic.appointments.domain.PaymentStatus;
import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.ClinicRules;
import org.clinic.appointments.infrastructure.config.AppConfig;
import org.clinic.appointments.web.Pages;
import org.clinic.appointments.web.Texts;
import org.omnifaces.util.Messages;

/**
 * One of the patient's appointments ({@code /patient/appointment?id=…}): the confirmation after payment, and
 * where it is cancelled or rescheduled. Also used by the payment result page.
 */
@Named
@ViewScoped
public class AppointmentBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    java.time.Clock clock;

    @Inject
    BookingService booking;

    @Inject
    AppConfig config;

    private static final DateTimeFormatter DEADLINE =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy, hh:mm a", Locale.ENGLISH);

    private String id;
    private Appointment appointment;

    public void load() {
        try {
            appointment = booking.find(id);
        } catch (AppointmentNotFoundException e) {
            Pages.notFound();
        }
    }

    public String cancel() {
        try {
            appointment = booking.cancel(appointment.getId());
            Messages.addFlashGlobalInfo(appointment.getPaymentStatus() == PaymentStatus.REFUNDED
                    ? "appointment.cancelled.refunded" : "appointment.cancelled");
            return "/patient/appointment?faces-redirect=true&id=" + appointment.getId();
        } catch (BookingException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
            load();
            return null;
        }
    }

    private ClinicRules rules() {
        return config.rules();
    }

    /** Why the patient may not cancel or reschedule now (a message key), or null. */
    public String getChangeRefusal() {
        return rules().patientChangeRefusal(appointment, clock.instant()).orElse(null);
    }

    public boolean isChangeable() {
        return getChangeRefusal() == null;
    }

    public boolean isAwaitingPayment() {
        return appointment.paymentRefusal(clock.instant()) == null;
    }

    public boolean isConfirmed() {
        return appointment.getStatus() == AppointmentStatus.CONFIRMED;
    }

    public String getChangeDeadlineText() {
        ClinicRules rules = rules();
        return Texts.get("appointment.deadline",
                DEADLINE.format(rules.patientChangeDeadline(appointment).atZone(rules.zone())));
    }

    public String getChangeRefusalText() {
        String key = getChangeRefusal();
        return key == null ? "" : Texts.get(key, rules().cancelCutoff().toHours());
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** What the patient is told of a charge for this appointment given back, or still to give back. */
    public record ChargeNotice(String text, boolean owed) implements Serializable {
    }

    /** The charges given back for this appointment (refunded, or never recorded), then those still owed. */
    public List<ChargeNotice> getChargeNotices() {
        if (appointment == null) {
            return List.of();
        }
        List<ChargeNotice> notices = new ArrayList<>();
        for (ChargeReversals.GivenBack g : ChargeReversals.givenBack(appointment)) {
            notices.add(new ChargeNotice(Texts.get(ChargeReversals.isRefund(appointment, g.chargeId())
                    ? "appointment.refund.given_back" : "appointment.charge.given_back", g.chargeId(), g.reversal()),
                    false));
        }
        for (String owed : ChargeReversals.owed(appointment)) {
            notices.add(new ChargeNotice(Texts.get(ChargeReversals.isRefund(appointment, owed)
                    ? "appointment.refund.owed" : "appointment.charge.owed", owed), true));
        }
        return notices;
    }

    public Appointment getAppointment() {
        return appointment;
    }
}
