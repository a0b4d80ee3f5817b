package org.clinic.appointments.web;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.clinic.appointments.application.Availability;
import org.clinic.appointments.application.DoctorDirectory;

/**
 * Whether a doctor's booking page has nothing free to book, as the booking line asks for each of its waiters every
 * few seconds: worked out at most once a second per doctor and day, so a thousand waiters cost a handful of lookups.
 * An answer is at most a second old; a slot freed meanwhile is seen at the next question.
 */
@ApplicationScoped
public class NothingToBook {

    static final long FRESH_NANOS = 1_000_000_000L;
    private static final int MAX_KEPT = 10_000;

    private record Page(String doctorId, LocalDate date) {
    }

    private record Answer(boolean nothing, long at) {
    }

    @Inject
    Availability availability;

    @Inject
    DoctorDirectory directory;

    private final Map<Page, Answer> answers = new ConcurrentHashMap<>();

    /** For the doctor's day, or without a day for every day of the booking horizon; false for no such doctor. */
    public boolean on(String doctorId, LocalDate date) {
        Page page = new Page(doctorId, date);
        long now = System.nanoTime();
        Answer known = answers.get(page);
        if (known != null && now - known.at() < FRESH_NANOS) {
            return known.nothing();
        }
        if (directory.findActive(doctorId).isEmpty()) {
            return false;
        }
        boolean nothing = !availability.anyFree(doctorId, date);
        if (answers.size() >= MAX_KEPT) {
            answers.clear();
        }
        answers.put(page, new Answer(nothing, now));
        return nothing;
    }
}
