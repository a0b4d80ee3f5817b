package org.clinic.appointments.application;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.BookingLimits;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.PaymentOutcome;
import org.clinic.appointments.domain.PaymentStatus;
import org.clinic.appointments.domain.StorageException;
import org.clinic.appointments.domain.port.AppointmentBook;

/**
 * Records the gateway's answer on the appointment, and gives a successful charge back when it is not recorded, so
 * no patient pays for what they did not get. When the store could not say whether it recorded the payment (a
 * database whose answer to the commit was lost), the appointment as stored decides; when even that cannot be read,
 * nothing is given back and a severe log line asks for the charge to be checked by hand.
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
        String reversal = gateway.reverse(outcome);
        LOG.warning(() -> "Payment " + outcome.transactionId() + " for appointment " + appointmentId
                + " was not recorded (" + notRecorded.getClass().getSimpleName() + " "
                + notRecorded.getMessage() + "); reversed as " + reversal);
        try {
            book.change(appointmentId, ClinicAdministration.SYSTEM, ChangeType.PAYMENT_REVERSED,
                    current -> current.paymentReversed(outcome.transactionId(), reversal, clock.instant(),
                            ClinicAdministration.SYSTEM));
        } catch (RuntimeException unnoted) {
            LOG.warning(() -> "Reversal " + reversal + " could not be noted on appointment " + appointmentId + ": "
                    + unnoted.getMessage());
        }
        return notRecorded instanceof BookingException refusal ? new PaymentReversedException(refusal, reversal)
                : notRecorded;
    }
}
