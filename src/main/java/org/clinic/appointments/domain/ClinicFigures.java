package org.clinic.appointments.domain;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The clinic's headline figures: appointments by status, payment status and method, money collected and
 * refunded, and bookings per doctor (by doctor id).
 */
public record ClinicFigures(int total, Map<AppointmentStatus, Integer> byStatus,
        Map<PaymentStatus, Integer> byPayment, Map<PaymentMethod, Integer> byMethod, int unpaid,
        BigDecimal collected, BigDecimal refunded, Map<String, DoctorFigures> byDoctor) {

    public int count(AppointmentStatus status) {
        return byStatus.getOrDefault(status, 0);
    }

    public int count(PaymentStatus status) {
        return byPayment.getOrDefault(status, 0);
    }

    /** Bookings of one doctor: all of them and those in each status. */
    public record DoctorFigures(int total, int confirmed, int pending, int cancelled, int noShow) {
    }
}
