package org.clinic.appointments.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** How freed slots are offered: held this long for the patient, at the doctor's fee, within the patient's limits. */
public record WaitlistTerms(Duration offerFor, BigDecimal clinicFee, BookingLimits limits, ZoneId zone) {

    /** Whether the slot begins late enough for an offer to be worth making. */
    public boolean stillAhead(SlotKey slot, Instant now) {
        Instant start = LocalDateTime.of(slot.date(), ClinicRules.parseTime(slot.time())).atZone(zone).toInstant();
        return now.isBefore(start);
    }
}
