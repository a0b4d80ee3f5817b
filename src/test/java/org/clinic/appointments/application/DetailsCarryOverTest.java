package org.clinic.appointments.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

import org.clinic.appointments.MutableClock;
import org.clinic.appointments.SampleRecords;
import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.BookingLimits;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.ClinicRules;
import org.clinic.appointments.domain.ClinicSchedule;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.infrastructure.config.AppConfig;
import org.clinic.appointments.infrastructure.ledger.LedgerCore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A message about to go out names the patient and doctor as they are now, even after a carry-over was cut short. */
class DetailsCarryOverTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T06:00:00Z"));
    private LedgerCore book;
    private DetailsCarryOver carryOver;
    private User asha;
    private Appointment booked;

    @BeforeEach
    void open() {
        book = LedgerCore.open(dir, ZONE, clock, 0);
        book.offerOnly(new ClinicSchedule.DefaultWeek(EnumSet.allOf(DayOfWeek.class), List.of("09:00 AM")));
        Doctor doctor = book.addDoctor(SampleRecords.cardiologist(), "admin");
        asha = book.registerUser(SampleRecords.patient(clock.instant()), "p1");
        booked = book.hold(Appointment.bookedAtDesk("a1", asha, doctor, DAY, "09:00 AM", "Desk", clock.instant(),
                "admin", true), "admin", new BookingLimits(3));
        carryOver = new DetailsCarryOver();
        carryOver.book = book;
        carryOver.clock = clock;
        carryOver.config = new AppConfig() {
            @Override
            public ClinicRules rules() {
                return new ClinicRules(ZONE, List.of("09:00 AM"), 30, Duration.ofMinutes(15), Duration.ofHours(24), 3);
            }
        };
    }

    @AfterEach
    void close() {
        book.close();
    }

    @Test
    void aWaitingMessageGoesToTheAddressThePatientHasNowWhenTheCarryOverWasCutShort() {
        String waitingId = booked.getMessages().get(0).getId();
        book.changeUser("p1", "p1", ChangeType.EMAIL_VERIFIED,
                u -> u.emailChangeRequested("asha.new@example.com", "h", clock.instant().plusSeconds(60)).verified(clock.instant()));
        book.changeDoctor("doc1", "admin", ChangeType.DOCTOR_EDITED, d -> {
            d.setName("Dr. Asha Iyer-Menon");
            return d;
        });

        Appointment sent = carryOver.beforeSending(book.appointment("a1").orElseThrow(), "system").orElseThrow();
        assertEquals("asha.new@example.com", sent.getMessages().get(0).getRecipient());
        assertEquals(waitingId, sent.getMessages().get(0).getId(), "the same message, not a second one");
        assertEquals("Dr. Asha Iyer-Menon", sent.getDoctorName());
        assertEquals(sent.getMessages(), book.appointment("a1").orElseThrow().getMessages(), "stored before it is sent");

        int changes = sent.getHistory().size();
        Appointment again = carryOver.beforeSending(sent, "system").orElseThrow();
        assertEquals(changes, again.getHistory().size(), "nothing to do the second time");
    }

    @Test
    void theChangesOfTheLastDaysAreCarriedAgainAfterAStopCutThemShort() {
        Instant before = clock.instant();
        book.changeUser("p1", "p1", ChangeType.PROFILE_CHANGED, u -> u.profileChanged("Asha Menon", u.getPhone(), clock.instant()));
        book.changeUser("p1", "p1", ChangeType.EMAIL_VERIFIED,
                u -> u.emailChangeRequested("asha.new@example.com", "h", clock.instant().plusSeconds(60)).verified(clock.instant()));
        book.changeDoctor("doc1", "admin", ChangeType.DOCTOR_EDITED, d -> {
            Doctor renamed = d.copy();
            renamed.setName("Dr. Asha Iyer-Menon");
            return d.edited(renamed, clock.instant(), "admin");
        });
        clock.advance(Duration.ofMinutes(5));

        assertEquals(0, carryOver.catchUp(clock.instant(), "system"), "nothing changed since then");
        assertEquals(2, carryOver.catchUp(before, "system"), "the patient's details, then the doctor's name");
        Appointment current = book.appointment("a1").orElseThrow();
        assertEquals(List.of("Asha Menon", "asha.new@example.com", "Dr. Asha Iyer-Menon"),
                List.of(current.getUserName(), current.getUserEmail(), current.getDoctorName()));
        assertEquals("asha.new@example.com", current.getMessages().get(0).getRecipient(), "its waiting message follows");
        assertEquals(0, carryOver.catchUp(before, "system"), "a second run finds nothing left");
    }

    @Test
    void anAppointmentThatIsUpToDateIsLeftAsItIs() {
        Appointment same = carryOver.beforeSending(booked, "system").orElseThrow();
        assertEquals(booked.getHistory().size(), same.getHistory().size());
        assertFalse(same.lagsBehind(asha));
    }
}
