package org.clinic.appointments.infrastructure.ledger;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.AppointmentStatus;
import org.clinic.appointments.domain.ClinicFigures;
import org.clinic.appointments.domain.PaymentMethod;
import org.clinic.appointments.domain.PaymentStatus;

/** The dashboard's figures, kept up to date with every stored change so reading them costs nothing. */
final class FigureCounters {

    private int total;
    private int unpaid;
    private final int[] byStatus = new int[AppointmentStatus.values().length];
    private final int[] byPayment = new int[PaymentStatus.values().length];
    private final int[] byMethod = new int[PaymentMethod.values().length];
    private BigDecimal collected = BigDecimal.ZERO;
    private BigDecimal refunded = BigDecimal.ZERO;
    private final Map<String, int[]> byDoctor = new HashMap<>();

    void replace(Appointment previous, Appointment next) {
        if (previous != null) {
            count(previous, -1);
        }
        count(next, 1);
    }

    private void count(Appointment a, int sign) {
        total += sign;
        byStatus[a.getStatus().ordinal()] += sign;
        if (a.getPaymentStatus() == null) {
            unpaid += sign;
        } else {
            byPayment[a.getPaymentStatus().ordinal()] += sign;
        }
        if (a.getPaymentMethod() != null) {
            byMethod[a.getPaymentMethod().ordinal()] += sign;
        }
        BigDecimal amount = a.getAmount() == null ? BigDecimal.ZERO : a.getAmount();
        if (a.getPaymentStatus() == PaymentStatus.SUCCESS) {
            collected = sign > 0 ? collected.add(amount) : collected.subtract(amount);
        } else if (a.getPaymentStatus() == PaymentStatus.REFUNDED) {
            refunded = sign > 0 ? refunded.add(amount) : refunded.subtract(amount);
        }
        int[] doctor = byDoctor.computeIfAbsent(a.getDoctorId(), k -> new int[1 + AppointmentStatus.values().length]);
        doctor[0] += sign;
        doctor[1 + a.getStatus().ordinal()] += sign;
    }

    ClinicFigures snapshot(Iterable<String> doctorOrder) {
        Map<AppointmentStatus, Integer> statuses = new EnumMap<>(AppointmentStatus.class);
        for (AppointmentStatus s : AppointmentStatus.values()) {
            statuses.put(s, byStatus[s.ordinal()]);
        }
        Map<PaymentStatus, Integer> payments = new EnumMap<>(PaymentStatus.class);
        for (PaymentStatus s : PaymentStatus.values()) {
            payments.put(s, byPayment[s.ordinal()]);
        }
        Map<PaymentMethod, Integer> methods = new EnumMap<>(PaymentMethod.class);
        for (PaymentMethod m : PaymentMethod.values()) {
            methods.put(m, byMethod[m.ordinal()]);
        }
        Map<String, ClinicFigures.DoctorFigures> doctors = new LinkedHashMap<>();
        for (String id : doctorOrder) {
            doctors.put(id, doctorFigures(byDoctor.get(id)));
        }
        byDoctor.forEach((id, counts) -> doctors.putIfAbsent(id, doctorFigures(counts)));
        return new ClinicFigures(total, statuses, payments, methods, unpaid, collected, refunded, doctors);
    }

    private static ClinicFigures.DoctorFigures doctorFigures(int[] c) {
        if (c == null) {
            return new ClinicFigures.DoctorFigures(0, 0, 0, 0, 0);
        }
        return new ClinicFigures.DoctorFigures(c[0], c[1 + AppointmentStatus.CONFIRMED.ordinal()],
                c[1 + AppointmentStatus.PENDING_PAYMENT.ordinal()], c[1 + AppointmentStatus.CANCELLED.ordinal()],
                c[1 + AppointmentStatus.NO_SHOW.ordinal()]);
    }
}
