package org.clinic.appointments.domain;

import java.time.LocalDate;

/** The days from {@code first} to {@code last}, both included. */
public record LocalDateRange(LocalDate first, LocalDate last) {
}
