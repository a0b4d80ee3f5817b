package org.clinic.appointments.application;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.Principal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

import jakarta.ejb.SessionContext;

import org.clinic.appointments.MutableClock;
import org.clinic.appointments.SampleRecords;
import org.clinic.appointments.domain.BookingLimits;
import org.clinic.appointments.domain.ClinicRules;
import org.clinic.appointments.domain.ClinicSchedule;
import org.clinic.appointments.infrastructure.config.AppConfig;
import org.clinic.appointments.infrastructure.ledger.LedgerCore;
import org.clinic.appointments.infrastructure.memory.MemoryAbuseCounts;
import org.clinic.appointments.infrastructure.metrics.ClinicMetrics;

/**
 * A {@link BookingService} as patient "p1" calls it, without a server: a ledger in {@code dir} with one doctor who
 * works every day at 09:00 AM, the clinic's default limits, and the mock gateway with its test cards on.
 */
final class BookingServiceFixture implements AutoCloseable {

    static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    /** A day within the booking horizon of {@link #clock}'s start. */
    static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    static final String PATIENT = "p1";
    private static final List<String> TIMES = List.of("09:00 AM");

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T06:00:00Z"));
    final LedgerCore book;
    final BookingService booking = new BookingService();
    final AppConfig config;

    BookingServiceFixture(Path dir, PaymentGateway gateway) {
        book = LedgerCore.open(dir, ZONE, clock, 0);
        ClinicSchedule.DefaultWeek week = new ClinicSchedule.DefaultWeek(EnumSet.allOf(DayOfWeek.class), TIMES);
        book.offerOnly(week);
        book.addDoctor(SampleRecords.cardiologist(), "admin");
        book.registerUser(SampleRecords.patient(clock.instant()), PATIENT);

        config = new AppConfig() {
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
        booking.clock = clock;
        booking.book = book;
        booking.config = config;
        booking.gateway = gateway;
        booking.metrics = new ClinicMetrics();
        booking.ownChanges = new OwnAccountChanges(new MemoryAbuseCounts(), clock, config);
        booking.charges = new ChargeRecording(book, gateway, clock);
        Principal caller = () -> PATIENT;
        booking.context = (SessionContext) Proxy.newProxyInstance(SessionContext.class.getClassLoader(),
                new Class<?>[] {SessionContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getCallerPrincipal")) {
                        return caller;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Override
    public void close() {
        book.close();
    }
}
