package org.clinic.appointments.domain;

/** One change of an account, with the account it belongs to (a row of the audit trail). */
public record AccountRecordChange(String userId, String userName, Role role, AccountChange change) {
}
