package org.clinic.appointments.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.Principal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import jakarta.ejb.SessionContext;

import org.clinic.appointments.MutableClock;
import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.AppointmentStatus;
import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.BookingLimits;
import org.clinic.appointments.domain.ClinicRules;
import org.clinic.appointments.domain.ClinicSchedule;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.HistoryEntry;
import org.clinic.appointments.domain.PaymentMethod;
import org.clinic.appointments.domain.PaymentOutcome;
import org.clinic.appointments.domain.PaymentStatus;
import org.clinic.appointments.domain.Role;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.infrastructure.config.AppConfig;
import org.clinic.appointments.infrastructure.ledger.LedgerCore;
import org.clinic.appointments.infrastructure.metrics.ClinicMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A charge the gateway took but the store could not record is given back, and the patient is told so. */
class PaymentReversalTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    private static final List<String> TIMES = List.of("09:00 AM");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T06:00:00Z"));
    private final ChargingGateway gateway = new ChargingGateway();
    private LedgerCore book;
    private BookingService booking;

    /** The mock gateway, with something happening while it charges, and the charges and reversals it made. */
    private static final class ChargingGateway extends PaymentGateway {
        Runnable duringCharge = () -> { };
        final List<String> charged = new ArrayList<>();
        final List<String> reversed = new ArrayList<>();

        @Override
        public PaymentOutcome charge(PaymentDetails details) {
            PaymentOutcome outcome = super.charge(details);
            charged.add(outcome.transactionId());
            Runnable meanwhile = duringCharge;
            duringCharge = () -> { };
            meanwhile.run();
            return outcome;
        }

        @Override
        public String reverse(PaymentOutcome charge) {
            reversed.add(charge.transactionId());
            return super.reverse(charge);
        }
    }

    @BeforeEach
    void open() {
        book = LedgerCore.open(dir, ZONE, clock, 0);
        ClinicSchedule.DefaultWeek week = new ClinicSchedule.DefaultWeek(EnumSet.allOf(DayOfWeek.class), TIMES);
        book.offerOnly(week);
        Doctor doctor = new Doctor();
        doctor.setId("doc1");
        doctor.setName("Dr. Asha Iyer");
        doctor.setSpecialization("Cardiology");
        doctor.setFee(new BigDecimal("700"));
        book.addDoctor(doctor, "admin");
        User patient = new User();
        patient.setId("p1");
        patient.setName("Asha Rao");
        patient.setEmail("asha.rao@example.com");
        patient.setRole(Role.PATIENT);
        patient.setCreatedAt(clock.instant());
        book.registerUser(patient, "p1");

        AppConfig config = new AppConfig() {
            @Override
            public ZoneId zone() {
                return ZONE;
            }

            @Override
            public ClinicRules rules() {
                return new ClinicRules(ZONE, TIMES, 30, Duration.ofMinutes(15), Duration.ofHours(24), 3);
            }

            @Override
            public BookingLimits limits() {
                return new BookingLimits(3, 4, 2, 2, 3, 30, Duration.ofMinutes(10), ZONE);
            }

            @Override
            public ClinicSchedule.DefaultWeek defaultWeek() {
                return week;
            }

            @Override
            public BigDecimal consultationFee() {
                return new BigDecimal("500");
            }

            @Override
            public boolean paymentTestCards() {
                return true;
            }
        };
        gateway.config = config;
        booking = new BookingService();
        booking.clock = clock;
        booking.book = book;
        booking.config = config;
        booking.gateway = gateway;
        booking.metrics = new ClinicMetrics();
        Principal caller = () -> "p1";
        booking.context = (SessionContext) Proxy.newProxyInstance(SessionContext.class.getClassLoader(),
                new Class<?>[] {SessionContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getCallerPrincipal")) {
                        return caller;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @AfterEach
    void close() {
        book.close();
    }

    private static PaymentDetails card(String number) {
        PaymentDetails details = new PaymentDetails();
        details.setMethod(PaymentMethod.CARD);
        details.setCardNumber(number);
        details.setCardExpiry("12/40");
        details.setCardCvv("123");
        details.setCardName("Asha Rao");
        return details;
    }

    @Test
    void aChargeThatOutlastsTheHoldIsGivenBackAndThePatientIsToldWhy() {
        Appointment held = booking.hold("doc1", DAY, "09:00 AM", "Check-up");
        gateway.duringCharge = () -> clock.advance(Duration.ofMinutes(16));

        PaymentReversedException reversed = assertThrows(PaymentReversedException.class,
                () -> booking.pay(held.getId(), card(PaymentGateway.ALWAYS_SUCCEEDS)));
        assertEquals("payment.refused.hold_expired", reversed.getMessageKey());
        assertTrue(reversed.getReversalReference().startsWith("RFD"), reversed.getReversalReference());
        assertEquals(gateway.charged, gateway.reversed, "the one charge is given back");
        Appointment stored = book.appointment(held.getId()).orElseThrow();
        assertFalse(stored.holdsSlot(clock.instant()));
        assertNull(stored.getTransactionId(), "no payment recorded");
        assertReversalNoted(stored, gateway.charged.get(0), reversed.getReversalReference());
    }

    @Test
    void aSecondPaymentMadeWhileTheFirstWasChargingKeepsOneChargeAndGivesTheOtherBack() {
        Appointment held = booking.hold("doc1", DAY, "09:00 AM", "Check-up");
        List<Appointment> paidInTheOtherTab = new ArrayList<>();
        gateway.duringCharge = () -> paidInTheOtherTab.add(booking.pay(held.getId(), card(PaymentGateway.ALWAYS_SUCCEEDS)));

        PaymentReversedException reversed = assertThrows(PaymentReversedException.class,
                () -> booking.pay(held.getId(), card(PaymentGateway.ALWAYS_SUCCEEDS)));
        assertEquals("payment.refused.already_paid", reversed.getMessageKey());
        assertEquals(2, gateway.charged.size());
        assertEquals(List.of(gateway.charged.get(0)), gateway.reversed, "the first tab's charge is given back");
        Appointment stored = book.appointment(held.getId()).orElseThrow();
        assertEquals(AppointmentStatus.CONFIRMED, stored.getStatus());
        assertEquals(gateway.charged.get(1), stored.getTransactionId(), "the charge that stands is the one recorded");
        assertEquals(stored.getTransactionId(), paidInTheOtherTab.get(0).getTransactionId());
        assertReversalNoted(stored, gateway.charged.get(0), reversed.getReversalReference());
    }

    /** The front desk finds the charge given back on the appointment's history, by the system. */
    private static void assertReversalNoted(Appointment stored, String chargeId, String reversal) {
        HistoryEntry last = stored.getHistory().get(stored.getHistory().size() - 1);
        assertEquals(List.of("payment_reversed", "system", chargeId + " given back as " + reversal),
                java.util.Arrays.asList(last.getAction(), last.getActor(), last.getNote()));
    }

    @Test
    void aDeclinedChargeThatCannotBeRecordedHasNothingToGiveBack() {
        Appointment held = booking.hold("doc1", DAY, "09:00 AM", "Check-up");
        gateway.duringCharge = () -> clock.advance(Duration.ofMinutes(16));

        BookingException refused = assertThrows(BookingException.class,
                () -> booking.pay(held.getId(), card(PaymentGateway.ALWAYS_DECLINED)));
        assertEquals("payment.refused.hold_expired", refused.getMessageKey());
        assertFalse(refused instanceof PaymentReversedException);
        assertTrue(gateway.reversed.isEmpty());
        assertThrows(IllegalArgumentException.class, () -> gateway.reverse(new PaymentOutcome(PaymentMethod.CARD,
                PaymentStatus.FAILED, "TXN1", null, "Visa", "0002")), "the gateway gives back only a charge it took");
    }
}
