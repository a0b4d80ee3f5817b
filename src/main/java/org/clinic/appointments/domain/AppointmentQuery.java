package org.clinic.appointments.domain;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Which appointments an admin wants to see. Every criterion is optional (null = any); {@code text} is found
 * in the patient's name or e-mail address, or is the transaction id or the appointment id, ignoring case.
 */
public record AppointmentQuery(String doctorId, LocalDate from, LocalDate to, AppointmentStatus status,
        PaymentStatus paymentStatus, PaymentMethod paymentMethod, String text) {

    public AppointmentQuery {
        doctorId = blankToNull(doctorId);
        text = blankToNull(text);
    }

    public static AppointmentQuery all() {
        return new AppointmentQuery(null, null, null, null, null, null, null);
    }

    public AppointmentQuery withDoctor(String newDoctorId) {
        return new AppointmentQuery(newDoctorId, from, to, status, paymentStatus, paymentMethod, text);
    }

    public AppointmentQuery withDates(LocalDate newFrom, LocalDate newTo) {
        return new AppointmentQuery(doctorId, newFrom, newTo, status, paymentStatus, paymentMethod, text);
    }

    public boolean matches(Appointment a) {
        return (doctorId == null || doctorId.equals(a.getDoctorId()))
                && (from == null || !a.getDate().isBefore(from))
                && (to == null || !a.getDate().isAfter(to))
                && (status == null || status == a.getStatus())
                && (paymentStatus == null || paymentStatus == a.getPaymentStatus())
                && (paymentMethod == null || paymentMethod == a.getPaymentMethod())
                && (text == null || patientKey(a.getUserName(), a.getUserEmail()).contains(text.toLowerCase(Locale.ROOT))
                        || text.equalsIgnoreCase(a.getTransactionId()) || text.equalsIgnoreCase(a.getId()));
    }

    /** What the text is looked for in: the patient's name and e-mail address, in lower case. */
    public static String patientKey(String name, String email) {
        return ((name == null ? "" : name) + "\n" + (email == null ? "" : email)).toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
