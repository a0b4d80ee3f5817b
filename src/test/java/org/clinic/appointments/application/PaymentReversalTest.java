package org.clinic.appointments.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.clinic.appointments.MutableClock;
import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.AppointmentStatus;
import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.ChargeReversals;
import org.clinic.appointments.domain.HistoryEntry;
import org.clinic.appointments.domain.PaymentOutcome;
import org.clinic.appointments.domain.PaymentStatus;
import org.clinic.appointments.domain.StorageException;
import org.clinic.appointments.domain.port.AppointmentBook;
import org.clinic.appointments.infrastructure.ledger.LedgerCore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A charge the gateway took but the store could not record is given back, and the patient is told so; so is a
 * payment refunded by a cancellation.
 */
class PaymentReversalTest {

    private static final LocalDate DAY = BookingServiceFixture.DAY;

    @TempDir
    Path dir;

    private final ChargingGateway gateway = new ChargingGateway();
    private BookingServiceFixture fixture;
    private MutableClock clock;
    private LedgerCore book;
    private BookingService booking;

    /**
     * The mock gateway, with something happening while it charges, a number of reversals it cannot make yet, and the
     * charges and reversals it made.
     */
    private static final class ChargingGateway extends PaymentGateway {
        Runnable duringCharge = () -> { };
        int unreachableReversals;
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
        public String reverse(String chargeId) {
            if (unreachableReversals > 0) {
                unreachableReversals--;
                throw new IllegalStateException("The gateway did not answer in time");
            }
            reversed.add(chargeId);
            return super.reverse(chargeId);
        }
    }

    @BeforeEach
    void open() {
        fixture = new BookingServiceFixture(dir, gateway);
        clock = fixture.clock;
        book = fixture.book;
        booking = fixture.booking;
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aChargeThatOutlastsTheHoldIsGivenBackAndThePatientIsToldWhy() {
        Appointment held = booking.hold("doc1", DAY, "09:00 AM", "Check-up");
        gateway.duringCharge = () -> clock.advance(Duration.ofMinutes(16));

        PaymentReversedException reversed = assertThrows(PaymentReversedException.class,
                () -> booking.pay(held.getId(), PaymentCards.card(PaymentGateway.ALWAYS_SUCCEEDS)));
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
        gateway.duringCharge = () -> paidInTheOtherTab.add(booking.pay(held.getId(), PaymentCards.card(PaymentGateway.ALWAYS_SUCCEEDS)));

        PaymentReversedException reversed = assertThrows(PaymentReversedException.class,
                () -> booking.pay(held.getId(), PaymentCards.card(PaymentGateway.ALWAYS_SUCCEEDS)));
        assertEquals("payment.refused.already_paid", reversed.getMessageKey());
        assertEquals(2, gateway.charged.size());
        assertEquals(List.of(gateway.charged.get(0)), gateway.reversed, "the first tab's charge is given back");
        Appointment stored = book.appointment(held.getId()).orElseThrow();
        assertEquals(AppointmentStatus.CONFIRMED, stored.getStatus());
        assertEquals(gateway.charged.get(1), stored.getTransactionId(), "the charge that stands is the one recorded");
        assertEquals(stored.getTransactionId(), paidInTheOtherTab.get(0).getTransactionId());
        assertReversalNoted(stored, gateway.charged.get(0), reversed.getReversalReference());
    }

    /** The store as seen through a database connection lost at the commit: {@code recorded} says if it committed. */
    private void failingAtCommit(boolean recorded) {
        failingAtCommit(recorded, java.util.Set.of("changeOwn"));
    }

    private void failingAtCommit(boolean recorded, java.util.Set<String> failingChanges) {
        AppointmentBook real = book;
        AppointmentBook failing = (AppointmentBook) Proxy.newProxyInstance(AppointmentBook.class.getClassLoader(),
                new Class<?>[] {AppointmentBook.class}, (proxy, method, args) -> {
                    if (failingChanges.contains(method.getName())) {
                        if (recorded) {
                            method.invoke(real, args);
                        }
                        throw new StorageException(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        booking.charges = new ChargeRecording(failing, gateway, clock);
    }

    @Test
    void aPaymentTheStoreRecordedBeforeItsAnswerWasLostStandsAndIsNotGivenBack() {
        Appointment held = booking.hold("doc1", DAY, "09:00 AM", "Check-up");
        failingAtCommit(true);

        Appointment paid = booking.pay(held.getId(), PaymentCards.card(PaymentGateway.ALWAYS_SUCCEEDS));
        assertEquals(AppointmentStatus.CONFIRMED, paid.getStatus());
        assertEquals(gateway.charged, List.of(paid.getTransactionId()));
        assertTrue(gateway.reversed.isEmpty(), "the recorded charge stands");
    }

    @Test
    void aPaymentTheStoreDidNotRecordBeforeItsAnswerWasLostIsGivenBack() {
        Appointment held = booking.hold("doc1", DAY, "09:00 AM", "Check-up");
        failingAtCommit(false);

        PaymentReversedException reversed = assertThrows(PaymentReversedException.class,
                () -> booking.pay(held.getId(), PaymentCards.card(PaymentGateway.ALWAYS_SUCCEEDS)));
        assertEquals("storage.unavailable", reversed.getMessageKey());
        assertEquals(gateway.charged, gateway.reversed);
        assertReversalNoted(book.appointment(held.getId()).orElseThrow(), gateway.charged.get(0),
                reversed.getReversalReference());
    }

    /** The front desk finds the charge given back on the appointment's history, by the system. */
    private static void assertReversalNoted(Appointment stored, String chargeId, String reversal) {
        assertLastChange(stored, "payment_reversed", chargeId + " given back as " + reversal);
    }

    @Test
    void aDeclinedChargeThatCannotBeRecordedHasNothingToGiveBack() {
        Appointment held = booking.hold("doc1", DAY, "09:00 AM", "Check-up");
        gateway.duringCharge = () -> clock.advance(Duration.ofMinutes(16));

        BookingException refused = assertThrows(BookingException.class,
                () -> booking.pay(held.getId(), PaymentCards.card(PaymentGateway.ALWAYS_DECLINED)));
        assertEquals("payment.refused.hold_expired", refused.getMessageKey());
        assertFalse(refused instanceof PaymentReversedException);
        assertTrue(gateway.reversed.isEmpty());
    }

    @Test
    void aChargeTheGatewayCannotGiveBackAtOnceIsOwedAndGivenBackByALaterAttempt() {
        Appointment held = booking.hold("doc1", DAY, "09:00 AM", "Check-up");
        gateway.duringCharge = () -> clock.advance(Duration.ofMinutes(16));
        gateway.unreachableReversals = 2;

        PaymentReversedException owed = assertThrows(PaymentReversedException.class,
                () -> booking.pay(held.getId(), PaymentCards.card(PaymentGateway.ALWAYS_SUCCEEDS)));
        assertEquals("payment.refused.hold_expired", owed.getMessageKey());
        assertEquals(PaymentReversedException.ChargeFate.OWED, owed.getFate());
        String charge = gateway.charged.get(0);
        assertEquals(charge, owed.getChargeId());
        Appointment stored = book.appointment(held.getId()).orElseThrow();
        assertLastChange(stored, "payment_reversal_owed", charge);
        assertEquals(List.of(charge), ChargeReversals.owed(stored));

        OwedReversals retry = owedReversals();
        assertEquals(new OwedReversals.Attempt(0, 1), retry.giveBack(), "the gateway still does not answer");
        assertEquals(List.of(charge), ChargeReversals.owed(book.appointment(held.getId()).orElseThrow()));
        assertEquals(new OwedReversals.Attempt(1, 0), retry.giveBack());
        assertEquals(List.of(charge), gateway.reversed);
        stored = book.appointment(held.getId()).orElseThrow();
        assertTrue(ChargeReversals.owed(stored).isEmpty());
        assertLastChange(stored, "payment_reversed", charge + " given back as " + gateway.reverse(charge));
        assertEquals(new OwedReversals.Attempt(0, 0), retry.giveBack(), "nothing is owed any more");
    }

    @Test
    void twoServersGivingBackOneOwedChargeNoteItOnceAndTheGatewayTakesItBackOnce() {
        Appointment held = booking.hold("doc1", DAY, "09:00 AM", "Check-up");
        gateway.duringCharge = () -> clock.advance(Duration.ofMinutes(16));
        gateway.unreachableReversals = 1;
        assertThrows(PaymentReversedException.class,
                () -> booking.pay(held.getId(), PaymentCards.card(PaymentGateway.ALWAYS_SUCCEEDS)));
        Appointment owing = book.appointment(held.getId()).orElseThrow();

        assertEquals(1, booking.charges.giveBackOwed(owing));
        assertEquals(0, booking.charges.giveBackOwed(owing), "the other server read the appointment before the note");
        Appointment stored = book.appointment(held.getId()).orElseThrow();
        assertEquals(1, stored.getHistory().stream().filter(e -> e.getAction().equals("payment_reversed")).count());
        assertEquals(gateway.reverse(gateway.charged.get(0)), gateway.reverse(gateway.charged.get(0)),
                "one reversal, whoever asks");
    }

    @Test
    void aChargeNeitherGivenBackNorNotedAsOwedIsLeftForTheClinicToCheckAndThePatientIsToldSo() {
        Appointment held = booking.hold("doc1", DAY, "09:00 AM", "Check-up");
        failingAtCommit(false, java.util.Set.of("changeOwn", "change"));
        gateway.unreachableReversals = 1;

        PaymentReversedException unnoted = assertThrows(PaymentReversedException.class,
                () -> booking.pay(held.getId(), PaymentCards.card(PaymentGateway.ALWAYS_SUCCEEDS)));
        assertEquals(PaymentReversedException.ChargeFate.TO_CHECK, unnoted.getFate(),
                "no promise of an automatic return that nothing will make");
        assertEquals(gateway.charged.get(0), unnoted.getChargeId());
        assertTrue(ChargeReversals.owed(book.appointment(held.getId()).orElseThrow()).isEmpty());
    }

    @Test
    void aPaidAppointmentCancelledIsRefundedThroughTheGatewayWithTheRefundsReference() {
        Appointment held = booking.hold("doc1", DAY, "09:00 AM", "Check-up");
        String charge = booking.pay(held.getId(), PaymentCards.card(PaymentGateway.ALWAYS_SUCCEEDS)).getTransactionId();

        Appointment cancelled = booking.cancel(held.getId());
        assertEquals(PaymentStatus.REFUNDED, cancelled.getPaymentStatus());
        assertEquals(List.of(charge), gateway.reversed, "the gateway gives the payment back");
        assertEquals(List.of(new ChargeReversals.GivenBack(charge, gateway.reverse(charge))),
                ChargeReversals.givenBack(cancelled), "the patient's page has the refund's reference at once");
        assertTrue(ChargeReversals.isRefund(cancelled, charge));
        Appointment stored = book.appointment(held.getId()).orElseThrow();
        assertReversalNoted(stored, charge, gateway.reverse(charge));
        assertTrue(ChargeReversals.owed(stored).isEmpty());
    }

    @Test
    void aRefundTheGatewayCannotTakeAtOnceIsOwedAndGivenBackByALaterAttempt() {
        Appointment held = booking.hold("doc1", DAY, "09:00 AM", "Check-up");
        String charge = booking.pay(held.getId(), PaymentCards.card(PaymentGateway.ALWAYS_SUCCEEDS)).getTransactionId();
        gateway.unreachableReversals = 1;

        Appointment cancelled = booking.cancel(held.getId());
        assertEquals(PaymentStatus.REFUNDED, cancelled.getPaymentStatus(), "the cancellation stands");
        assertEquals(List.of(charge), ChargeReversals.owed(cancelled));
        assertEquals(List.of(charge), ChargeReversals.owed(book.appointment(held.getId()).orElseThrow()));
        assertTrue(gateway.reversed.isEmpty());

        assertEquals(new OwedReversals.Attempt(1, 0), owedReversals().giveBack());
        assertEquals(List.of(charge), gateway.reversed);
        assertReversalNoted(book.appointment(held.getId()).orElseThrow(), charge, gateway.reverse(charge));
    }

    @Test
    void laterAttemptsReadOnlyTheChargesOwedSinceTheOldestStillOwedNotEveryRefundEver() {
        String givenBackAtOnce = paidThenCancelled(DAY, 0);
        List<String> read = new ArrayList<>();
        AppointmentBook counting = (AppointmentBook) Proxy.newProxyInstance(AppointmentBook.class.getClassLoader(),
                new Class<?>[] {AppointmentBook.class}, (proxy, method, args) -> {
                    if (method.getName().equals("appointment")) {
                        read.add((String) args[0]);
                    }
                    try {
                        return method.invoke(book, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        OwedReversals retry = owedReversals(counting);
        clock.advance(Duration.ofHours(2));
        assertEquals(new OwedReversals.Attempt(0, 0), retry.giveBack());
        assertEquals(List.of(givenBackAtOnce), read, "the first attempt reads the whole trail");

        String stillOwed = paidThenCancelled(DAY.plusDays(1), 3);
        read.clear();
        assertEquals(new OwedReversals.Attempt(0, 1), retry.giveBack());
        assertEquals(List.of(stillOwed), read, "not the refund given back two hours before");

        clock.advance(Duration.ofDays(3));
        assertEquals(new OwedReversals.Attempt(0, 1), retry.giveBack());
        clock.advance(Duration.ofDays(3));
        read.clear();
        assertEquals(new OwedReversals.Attempt(1, 0), retry.giveBack(), "a charge still owed days later is still found");
        assertEquals(List.of(stillOwed), read);
        clock.advance(Duration.ofHours(2));
        read.clear();
        assertEquals(new OwedReversals.Attempt(0, 0), retry.giveBack());
        assertEquals(List.of(), read);
    }

    /** A card payment refunded by its cancellation, the gateway failing the first {@code failures} reversals. */
    private String paidThenCancelled(LocalDate day, int failures) {
        Appointment held = booking.hold("doc1", day, "09:00 AM", "Check-up");
        booking.pay(held.getId(), PaymentCards.card(PaymentGateway.ALWAYS_SUCCEEDS));
        gateway.unreachableReversals = failures;
        booking.cancel(held.getId());
        return held.getId();
    }

    private OwedReversals owedReversals() {
        return owedReversals(book);
    }

    private OwedReversals owedReversals(AppointmentBook trail) {
        OwedReversals retry = new OwedReversals();
        retry.book = trail;
        retry.charges = booking.charges;
        retry.clock = clock;
        return retry;
    }

    private static void assertLastChange(Appointment stored, String action, String note) {
        HistoryEntry last = stored.getHistory().get(stored.getHistory().size() - 1);
        assertEquals(List.of(action, "system", note), java.util.Arrays.asList(last.getAction(), last.getActor(),
                last.getNote()));
    }
}
