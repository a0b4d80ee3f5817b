/** Technical services: the booking ledger and its files, configuration, and other outside concerns. */
package org.clinic.appointments.infrastructure;
