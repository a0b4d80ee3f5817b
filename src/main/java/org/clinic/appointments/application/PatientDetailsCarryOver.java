package org.clinic.appointments.application;

import java.time.Clock;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.domain.port.AppointmentBook;

/**
 * Carries a patient's present name and address into their appointments still to come, after the patient or the
 * clinic changed them: the clinic's pages then name the patient as they are now, and the messages still waiting and
 * the reminders go to the address in use. Past visits keep the name they were booked under. Run again with the
 * same details, it finishes what an interrupted run left.
 */
@ApplicationScoped
public class PatientDetailsCarryOver {

    private static final Logger LOG = Logger.getLogger(PatientDetailsCarryOver.class.getName());

    @Inject
    AppointmentBook book;

    @Inject
    Clock clock;

    /** Answers how many appointments now carry the patient's details. */
    public int carryOver(User patient, String actor) {
        int carried = 0;
        for (Appointment a : book.appointmentsOfPatient(patient.getId())) {
            if (!a.lagsBehind(patient)) {
                continue;
            }
            try {
                book.change(a.getId(), actor, ChangeType.PATIENT_DETAILS,
                        current -> current.patientDetailsChanged(patient, clock.instant(), actor));
                carried++;
            } catch (BookingException changedMeanwhile) {
                LOG.fine(() -> "Appointment " + a.getId() + " changed meanwhile");
            }
        }
        int count = carried;
        if (count > 0) {
            LOG.info(() -> "The details of patient " + patient.getId() + " carried into " + count + " appointment(s)");
        }
        return count;
    }
}
