package org.clinic.appointments.infrastructure.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.clinic.appointments.MutableClock;
import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.AppointmentStatus;
import org.clinic.appointments.domain.BookingLimits;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.ClinicRules;
import org.clinic.appointments.domain.ClinicSchedule;
import org.clinic.appointments.domain.LocalDateRange;
import org.clinic.appointments.domain.MessageKind;
import org.clinic.appointments.domain.Role;
import org.clinic.appointments.domain.SlotKey;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.domain.WaitRequest;
import org.clinic.appointments.domain.WaitlistTerms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A slot let go goes to the first patient waiting for it, as a hold of their own for the offer's time; declining
 * or letting it run out passes it on; a no-show frees nothing; the line survives a restart.
 */
class WaitlistLedgerTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    private static final Instant NOW = Instant.parse("2026-11-24T06:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    private static final List<String> TIMES = List.of("09:00 AM", "10:00 AM");
    private static final Duration OFFER = Duration.ofMinutes(30);
    private static final LocalDateRange BOOKABLE = new LocalDateRange(LocalDate.of(2026, 11, 24),
            LocalDate.of(2026, 12, 23));

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(NOW);

    @BeforeEach
    void doctors() throws IOException {
        Files.copy(Path.of(System.getProperty("project.data.dir", "data"), "doctors.json"), dir.resolve("doctors.json"));
    }

    private LedgerCore open() {
        LedgerCore ledger = LedgerCore.open(dir, ZONE, clock, 0);
        ledger.offerOnly(new ClinicSchedule.DefaultWeek(EnumSet.allOf(DayOfWeek.class), TIMES));
        ledger.offerFreedSlots(new WaitlistTerms(OFFER, new BigDecimal("500"), new BookingLimits(3), ZONE));
        return ledger;
    }

    private User patient(LedgerCore ledger, String name) {
        User user = new User();
        user.setId(UUID.randomUUID().toString());
        user.setName(name);
        user.setEmail(name.toLowerCase().replace(' ', '.') + "@example.com");
        user.setPhone("+91 98765 43210");
        user.setRole(Role.PATIENT);
        user.setPassword("hash");
        user.setCreatedAt(NOW);
        return ledger.registerUser(user, "system");
    }

    private Appointment hold(LedgerCore ledger, User patient, String time) {
        return ledger.hold(Appointment.hold(UUID.randomUUID().toString(), patient, ledger.doctor("doc1").orElseThrow(),
                DAY, time, "Check-up", clock.instant(), clock.instant().plus(Duration.ofMinutes(15))), patient.getId(),
                new BookingLimits(3));
    }

    private void join(LedgerCore ledger, User patient) {
        WaitRequest place = new WaitRequest(UUID.randomUUID().toString(), "doc1", DAY, DAY, clock.instant());
        ledger.changeUser(patient.getId(), patient.getId(), ChangeType.WAITLIST_JOINED,
                u -> u.joinedWaitlist(place, BOOKABLE, day -> true));
        clock.advance(Duration.ofSeconds(1));
    }

    private static SlotKey slot(String time) {
        return new SlotKey("doc1", DAY, time);
    }

    @Test
    void aCancelledSlotIsOfferedToTheFirstInLineThenTheNextWhenDeclinedOrRunOut() {
        try (LedgerCore ledger = open()) {
            User asha = patient(ledger, "Asha Rao");
            Appointment held = hold(ledger, asha, "10:00 AM");
            User ravi = patient(ledger, "Ravi Iyer");
            User meera = patient(ledger, "Meera Das");
            User kiran = patient(ledger, "Kiran Shah");
            join(ledger, ravi);
            join(ledger, meera);
            join(ledger, kiran);
            assertEquals(List.of("Ravi Iyer", "Meera Das", "Kiran Shah"),
                    ledger.waitlist("doc1", DAY).stream().map(p -> p.userName()).toList(), "arrival order");

            ledger.change(held.getId(), asha.getId(), ChangeType.CANCELLED, a -> a.holdReleased("test", clock.instant(), asha.getId()));
            Appointment offer = ledger.slotHolder(slot("10:00 AM")).orElseThrow();
            assertEquals(ravi.getId(), offer.getUserId(), "the first in line");
            assertTrue(offer.isWaitlistOffer());
            assertEquals(AppointmentStatus.PENDING_PAYMENT, offer.getStatus());
            assertEquals(clock.instant().plus(OFFER), offer.getHoldExpiresAt());
            assertEquals(List.of(MessageKind.WAITLIST_OFFER), offer.getMessages().stream().map(m -> m.getKind()).toList());
            assertEquals(List.of("Meera Das", "Kiran Shah"),
                    ledger.waitlist("doc1", DAY).stream().map(p -> p.userName()).toList(), "Ravi's place is spent");
            assertTrue(ledger.user(ravi.getId()).orElseThrow().getWaitlist().isEmpty());

            ledger.change(offer.getId(), ravi.getId(), ChangeType.CANCELLED,
                    a -> a.cancelledByPatient(rules(), clock.instant(), ravi.getId()));
            Appointment second = ledger.slotHolder(slot("10:00 AM")).orElseThrow();
            assertEquals(meera.getId(), second.getUserId(), "declined: the next in line");

            clock.advance(OFFER.plusSeconds(1));
            assertEquals(1, ledger.expireHolds(), "Meera's offer ran out");
            Appointment third = ledger.slotHolder(slot("10:00 AM")).orElseThrow();
            assertEquals(kiran.getId(), third.getUserId(), "run out: the next in line");
            assertTrue(ledger.waitlist("doc1", DAY).isEmpty());
            assertEquals(1, ledger.appointments().stream().filter(a -> a.slot().equals(slot("10:00 AM"))
                    && a.holdsSlot(clock.instant())).count(), "never offered to two at once");
        }
    }

    @Test
    void theLineAndTheOffersSurviveARestart() {
        User ravi;
        try (LedgerCore ledger = open()) {
            User asha = patient(ledger, "Asha Rao");
            Appointment held = hold(ledger, asha, "10:00 AM");
            ravi = patient(ledger, "Ravi Iyer");
            join(ledger, ravi);
        }
        try (LedgerCore reopened = open()) {
            assertEquals(List.of(ravi.getId()), reopened.waitlist("doc1", DAY).stream().map(p -> p.userId()).toList());
            Appointment held = reopened.appointments().get(0);
            reopened.change(held.getId(), "admin", ChangeType.CANCELLED,
                    a -> a.holdReleased("test", clock.instant(), "admin"));
            assertEquals(ravi.getId(), reopened.slotHolder(slot("10:00 AM")).orElseThrow().getUserId());
        }
        try (LedgerCore again = open()) {
            assertTrue(again.waitlist("doc1", DAY).isEmpty(), "an offer made is not made twice after a restart");
            assertEquals(ravi.getId(), again.slotHolder(slot("10:00 AM")).orElseThrow().getUserId());
        }
    }

    private static ClinicRules rules() {
        return new ClinicRules(ZONE, TIMES, 30, Duration.ofMinutes(15), Duration.ofHours(2), 3);
    }
}
