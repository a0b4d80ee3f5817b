package org.clinic.appointments.web.patient;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.clinic.appointments.application.AppointmentNotFoundException;
import org.clinic.appointments.application.BookingService;
import org.clinic.appointments.application.InvalidPaymentException;
import org.clinic.appointments.application.PaymentDetails;
import org.clinic.appointments.application.PaymentReversedException;
import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.PaymentMethod;
import org.clinic.appointments.web.Pages;
import org.omnifaces.util.Messages;

/** The payment page ({@code /patient/pay?id=…}) of a held appointment. */
@Named
@ViewScoped
public class PaymentBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    java.time.Clock clock;

    @Inject
    BookingService booking;

    private String id;
    private Appointment appointment;
    private String refusal;
    private final PaymentDetails details = new PaymentDetails();

    public void load() {
        try {
            appointment = booking.find(id);
        } catch (AppointmentNotFoundException e) {
            Pages.notFound();
            return;
        }
        refusal = appointment.paymentRefusal(clock.instant());
    }

    public String pay() {
        try {
            booking.pay(appointment.getId(), details);
            return "/patient/payment-result?faces-redirect=true&id=" + appointment.getId();
        } catch (InvalidPaymentException e) {
            for (Map.Entry<String, String> problem : e.getProblems().entrySet()) {
                Messages.addError("payForm:" + problem.getKey(), problem.getValue());
            }
        } catch (BookingException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
            if (e instanceof PaymentReversedException reversed) {
                switch (reversed.getFate()) {
                    case GIVEN_BACK -> Messages.addGlobalInfo("payment.reversed", reversed.getReversalReference());
                    case OWED -> Messages.addGlobalWarn("payment.reversal_owed", reversed.getChargeId());
                    case TO_CHECK -> Messages.addGlobalWarn("payment.reversal_to_check", reversed.getChargeId());
                }
            }
            load();
        }
        return null;
    }

    public boolean isPayable() {
        return refusal == null;
    }

    public String getRefusal() {
        return refusal;
    }

    /** Milliseconds since the epoch when the hold ends, for the countdown. */
    public long getHoldEndsAt() {
        Instant end = appointment.getHoldExpiresAt();
        return end == null ? 0 : end.toEpochMilli();
    }

    public List<PaymentMethod> getMethods() {
        return List.of(PaymentMethod.values());
    }

    public List<String> getUpiApps() {
        return PaymentDetails.UPI_APPS;
    }

    public List<String> getBanks() {
        return PaymentDetails.BANKS;
    }

    public List<String> getWallets() {
        return PaymentDetails.WALLETS;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Appointment getAppointment() {
        return appointment;
    }

    public PaymentDetails getDetails() {
        return details;
    }
}
