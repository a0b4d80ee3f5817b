package org.clinic.appointments.domain;

/** One change of a doctor's record, with the doctor it belongs to (a row of the audit trail). */
public record DoctorRecordChange(String doctorId, String doctorName, DoctorChange change) {
}
