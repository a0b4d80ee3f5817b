package org.clinic.appointments.domain;

import java.time.LocalDate;

/**
 * Which appointments an admin wants to see. Every criterion is optional (null = any); {@code text} matches
 * the patient's name or e-mail address, the transaction id or the appointment id, ignoring case.
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
                && (text == null || containsIgnoreCase(a.getUserName(), text) || containsIgnoreCase(a.getUserEmail(), text)
                        || containsIgnoreCase(a.getTransactionId(), text) || containsIgnoreCase(a.getId(), text));
    }

    /** Case-insensitive search without copying either string (the dashboard runs it over every appointment). */
    static boolean containsIgnoreCase(String haystack, String needle) {
        if (haystack == null) {
            return false;
        }
        int last = haystack.length() - needle.length();
        for (int i = 0; i <= last; i++) {
            if (haystack.regionMatches(true, i, needle, 0, needle.length())) {
                return true;
            }
        }
        return false;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
