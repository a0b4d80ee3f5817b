package org.clinic.appointments.domain;

import java.util.List;

/** One page of a longer list, and how many there are in all. */
public record Page<T>(List<T> rows, int total) {
}
