package org.clinic.appointments.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.clinic.appointments.SampleRecords;
import org.junit.jupiter.api.Test;

/** What an appointment's history says of the charges that were never recorded on it. */
class ChargeReversalsTest {

    private static final Instant NOW = Instant.parse("2026-11-24T06:00:00Z");

    private final Appointment held = Appointment.hold("a1", SampleRecords.patient(NOW), SampleRecords.cardiologist(),
            LocalDate.of(2026, 11, 30), "09:00 AM", "Check-up", NOW, NOW.plus(Duration.ofMinutes(15)));

    @Test
    void aChargeIsOwedUntilItIsNotedGivenBackAndThenOnlyOnce() {
        Appointment owing = held.paymentReversalOwed("TXN1", NOW, "system")
                .paymentReversalOwed("TXN2", NOW, "system")
                .paymentReversed("TXN0", "RFD0", NOW, "system");
        assertEquals(List.of("TXN1", "TXN2"), ChargeReversals.owed(owing));

        Appointment paidBack = owing.paymentReversed("TXN1", "RFD1", NOW, "system");
        assertEquals(List.of("TXN2"), ChargeReversals.owed(paidBack));
        assertEquals(List.of(new ChargeReversals.GivenBack("TXN0", "RFD0"), new ChargeReversals.GivenBack("TXN1", "RFD1")),
                ChargeReversals.givenBack(paidBack));
        BookingException twice = assertThrows(BookingException.class,
                () -> paidBack.paymentReversed("TXN1", "RFD9", NOW, "system"));
        assertEquals("payment.reversal.noted", twice.getMessageKey());
        assertTrue(ChargeReversals.owed(held).isEmpty() && ChargeReversals.givenBack(held).isEmpty());
    }
}
