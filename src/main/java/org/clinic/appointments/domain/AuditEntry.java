package org.clinic.appointments.domain;

import java.time.LocalDate;

/** One change of one appointment, as the audit trail lists it. */
public record AuditEntry(String appointmentId, String patientName, String doctorName, LocalDate date, String time,
        HistoryEntry change) implements java.io.Serializable {
}
