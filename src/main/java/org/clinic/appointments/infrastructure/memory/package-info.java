/** What the JSON ledger's single server keeps in memory only. */
package org.clinic.appointments.infrastructure.memory;
