/** The booking ledger: one writer, in-memory indexes, JSON snapshots and an fsynced journal. */
package org.clinic.appointments.infrastructure.ledger;
