package org.clinic.appointments.application;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.BookingLimits;
import org.clinic.appointments.domain.port.AbuseCounts;
import org.clinic.appointments.infrastructure.config.AppConfig;

/**
 * How many changes a patient may make to their own account (waitlist places, name and phone, password) within the
 * change window: as many as they may make to their appointments ({@code appointments.max-changes}), counted apart
 * in the store's {@link AbuseCounts}, so every server sees them and requests sent at once cannot pass the limit.
 * Each change is durable work, and a new name or phone is carried into every upcoming appointment.
 */
@ApplicationScoped
public class OwnAccountChanges {

    private static final String KEY = "own account changes ";

    private final AbuseCounts counts;
    private final Clock clock;
    private final AppConfig config;

    /** For the container's proxy only. */
    protected OwnAccountChanges() {
        this(null, null, null);
    }

    @Inject
    public OwnAccountChanges(AbuseCounts counts, Clock clock, AppConfig config) {
        this.counts = counts;
        this.clock = clock;
        this.config = config;
    }

    /** Counts one change the patient is about to make; refuses it ({@code BookingException}) beyond the limit. */
    public void admit(String patientId) {
        BookingLimits limits = config.limits();
        counts.admit(KEY + patientId, clock.instant(), limits.maxChanges(), limits.changeWindow()).ifPresent(wait -> {
            throw new BookingException("account.changes.too_many", limits.maxChanges(),
                    limits.changeWindow().toMinutes());
        });
    }
}
