package org.clinic.appointments.application;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.clinic.appointments.application.PaymentReversedException.ChargeFate;
import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.BookingLimits;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.ChargeReversals;
import org.clinic.appointments.domain.PaymentOutcome;
import org.clinic.appointments.domain.PaymentStatus;
import org.clinic.appointments.domain.StorageException;
import org.clinic.appointments.domain.port.AppointmentBook;

/**
 * Records the gateway's answer on the appointment, and gives a successful charge back when it is not recorded, so
 * no patient pays for what they did not get. When the store could not say whether it recorded the payment (a
 * database whose answer to the commit was lost), the appointment as stored decides; when even that cannot be read,
 * nothing is given back and a severe log line asks for the charge to be checked by hand. A charge the gateway cannot
 * give back at once is noted on the appointment as owed, and {@link OwedReversals} gives it back later; so is a
 * refunded payment, which its refund notes as owed and {@link #givenBackNow} gives back.
 */
@ApplicationScoped
public class ChargeRecording {

    private static final Logger LOG = Logger.getLogger(ChargeRecording.class.getName());

    private final AppointmentBook book;
    private final PaymentGateway gateway;
    private final Clock clock;

    /** For the container's proxy only. */
    protected ChargeRecording() {
        this(null, null, null);
    }

    @Inject
    public ChargeRecording(AppointmentBook book, PaymentGateway gateway, Clock clock) {
        this.book = book;
        this.gateway = gateway;
        this.clock = clock;
    }

    /** The appointment with the payment recorded; else refused, a successful charge given back. */
    public Appointment record(String appointmentId, String patientId, PaymentOutcome outcome, BookingLimits limits) {
        try {
            return book.changeOwn(appointmentId, patientId, ChangeType.PAYMENT, limits,
                    current -> current.paid(outcome, clock.instant(), patientId));
        } catch (StorageException unknown) {
            return recordedDespite(appointmentId, outcome, unknown);
        } catch (BookingException refused) {
            throw givenBackIfCharged(appointmentId, outcome, refused);
        } catch (RuntimeException unknown) {
            return recordedDespite(appointmentId, outcome, unknown);
        }
    }

    /** After a failure the store may not know the outcome of: the payment if it was recorded after all. */
    private Appointment recordedDespite(String appointmentId, PaymentOutcome outcome, RuntimeException failed) {
        Optional<Appointment> stored;
        try {
            stored = book.appointment(appointmentId);
        } catch (RuntimeException unreadable) {
            if (outcome.status() == PaymentStatus.SUCCESS) {
                LOG.severe(() -> "Payment " + outcome.transactionId() + " for appointment " + appointmentId
                        + ": the store failed and cannot be read, so whether the payment was recorded is not known;"
                        + " it was not given back. Check it against the appointment by hand.");
            }
            throw failed;
        }
        if (stored.isPresent() && Objects.equals(stored.get().getTransactionId(), outcome.transactionId())) {
            LOG.warning(() -> "Payment " + outcome.transactionId() + " for appointment " + appointmentId
                    + " was recorded although the store answered " + failed.getClass().getSimpleName());
            return stored.get();
        }
        throw givenBackIfCharged(appointmentId, outcome, failed);
    }

    private RuntimeException givenBackIfCharged(String appointmentId, PaymentOutcome outcome,
            RuntimeException notRecorded) {
        if (outcome.status() != PaymentStatus.SUCCESS) {
            return notRecorded;
        }
        String chargeId = outcome.transactionId();
        String why = notRecorded.getClass().getSimpleName() + " " + notRecorded.getMessage();
        String reversal;
        try {
            reversal = gateway.reverse(chargeId);
        } catch (RuntimeException gatewayFailed) {
            boolean noted = note(appointmentId, ChangeType.PAYMENT_REVERSAL_OWED,
                    current -> current.paymentReversalOwed(chargeId, clock.instant(), ClinicAdministration.SYSTEM));
            LOG.severe(() -> "Payment " + chargeId + " for appointment " + appointmentId + " was not recorded (" + why
                    + ") and the gateway could not give it back (" + gatewayFailed.getClass().getSimpleName() + "); "
                    + (noted ? "it is owed and given back by a later attempt"
                            : "nor could it be noted as owed: give it back by hand"));
            return fateOf(notRecorded, chargeId, noted ? ChargeFate.OWED : ChargeFate.TO_CHECK, null);
        }
        LOG.warning(() -> "Payment " + chargeId + " for appointment " + appointmentId + " was not recorded (" + why
                + "); reversed as " + reversal);
        noteGivenBack(appointmentId, chargeId, reversal);
        return fateOf(notRecorded, chargeId, ChargeFate.GIVEN_BACK, reversal);
    }

    private static RuntimeException fateOf(RuntimeException notRecorded, String chargeId, ChargeFate fate,
            String reversal) {
        return notRecorded instanceof BookingException refusal
                ? new PaymentReversedException(refusal, chargeId, fate, reversal)
                : notRecorded;
    }

    /**
     * Gives back the charges the appointment owes, noting each on its history; answers how many. One the gateway still
     * cannot give back stays owed for the next attempt.
     */
    public int giveBackOwed(Appointment appointment) {
        int givenBack = 0;
        for (String chargeId : ChargeReversals.owed(appointment)) {
            String reversal;
            try {
                reversal = gateway.reverse(chargeId);
            } catch (RuntimeException gatewayFailed) {
                LOG.warning(() -> "Payment " + chargeId + " for appointment " + appointment.getId()
                        + " is still owed: the gateway could not give it back ("
                        + gatewayFailed.getClass().getSimpleName() + ")");
                continue;
            }
            LOG.info(() -> "Owed payment " + chargeId + " for appointment " + appointment.getId() + " reversed as "
                    + reversal);
            if (noteGivenBack(appointment.getId(), chargeId, reversal)) {
                givenBack++;
            }
        }
        return givenBack;
    }

    /**
     * The appointment after giving back what it owes (a refund through the gateway); as it was when it owes nothing,
     * and when the gateway or the store failed, which leaves the charge owed for {@link OwedReversals}.
     */
    public Appointment givenBackNow(Appointment changed) {
        if (ChargeReversals.owed(changed).isEmpty() || giveBackOwed(changed) == 0) {
            return changed;
        }
        try {
            return book.appointment(changed.getId()).orElse(changed);
        } catch (RuntimeException unreadable) {
            return changed;
        }
    }

    private boolean noteGivenBack(String appointmentId, String chargeId, String reversal) {
        return note(appointmentId, ChangeType.PAYMENT_REVERSED,
                current -> current.paymentReversed(chargeId, reversal, clock.instant(), ClinicAdministration.SYSTEM));
    }

    private boolean note(String appointmentId, ChangeType type, UnaryOperator<Appointment> transition) {
        try {
            book.change(appointmentId, ClinicAdministration.SYSTEM, type, transition);
            return true;
        } catch (RuntimeException unnoted) {
            if (unnoted instanceof BookingException refused && !(unnoted instanceof StorageException)) {
                LOG.fine(() -> type.code() + " not noted on appointment " + appointmentId + ": "
                        + refused.getMessageKey());
                return false;
            }
            LOG.warning(() -> type.code() + " could not be noted on appointment " + appointmentId + ": "
                    + unnoted.getMessage());
            return false;
        }
    }
}
