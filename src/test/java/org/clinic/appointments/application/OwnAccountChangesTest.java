package org.clinic.appointments.application;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.WaitRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A patient's changes to their own account are as limited as their bookings, whether made one by one or at once. */
class OwnAccountChangesTest {

    @TempDir
    Path dir;

    private BookingServiceFixture fixture;

    @BeforeEach
    void open() {
        fixture = new BookingServiceFixture(dir, new PaymentGateway());
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void joiningAndLeavingAWaitlistInALoopStopsAtTheChangeLimitUntilTheWindowPasses() {
        BookingService booking = fixture.booking;
        for (int i = 0; i < 15; i++) {
            WaitRequest place = booking.joinWaitlist("doc1", BookingServiceFixture.DAY, BookingServiceFixture.DAY);
            booking.leaveWaitlist(place.getId());
        }
        BookingException refused = assertThrows(BookingException.class,
                () -> booking.joinWaitlist("doc1", BookingServiceFixture.DAY, BookingServiceFixture.DAY));
        assertEquals("account.changes.too_many", refused.getMessageKey());
        assertArrayEquals(new Object[] {30, 10L}, refused.getArguments());
        assertTrue(fixture.book.user(BookingServiceFixture.PATIENT).orElseThrow()
                .getWaitlist(BookingServiceFixture.DAY.minusDays(6)).isEmpty(), "nothing stored");

        fixture.clock.advance(Duration.ofMinutes(10));
        assertDoesNotThrow(() -> booking.joinWaitlist("doc1", BookingServiceFixture.DAY, BookingServiceFixture.DAY));
    }

    @Test
    void changesSentAtOnceAreCountedOneByOne() throws Exception {
        OwnAccountChanges changes = fixture.booking.ownChanges;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger admitted = new AtomicInteger();
        ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < 40; i++) {
            pool.execute(() -> {
                try {
                    start.await();
                    changes.admit("p2");
                    admitted.incrementAndGet();
                } catch (BookingException refused) {
                    refusals.add(refused.getMessageKey());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        start.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(30, admitted.get());
        assertEquals(10, refusals.stream().filter("account.changes.too_many"::equals).count());
        assertDoesNotThrow(() -> changes.admit("p3"), "another patient's changes are their own");
    }
}
