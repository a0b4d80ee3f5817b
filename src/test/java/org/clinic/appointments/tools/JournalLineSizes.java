package org.clinic.appointments.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.BookingLimits;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.ClinicRules;
import org.clinic.appointments.domain.PaymentMethod;
import org.clinic.appointments.domain.PaymentOutcome;
import org.clinic.appointments.domain.PaymentStatus;
import org.clinic.appointments.domain.Role;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.infrastructure.ledger.LedgerCore;

/**
 * Journal bytes per change: a registration, a booking, a payment, then N reschedules of the same appointment
 * back and forth. Usage: {@code JournalLineSizes <empty dir with doctors.json> [reschedules]}.
 */
public final class JournalLineSizes {

    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");

    private JournalLineSizes() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int reschedules = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        ClinicRules rules = new ClinicRules(ZONE, List.of("09:00 AM", "10:00 AM"), 30, Duration.ofMinutes(15),
                Duration.ofHours(24), 3);
        Clock clock = Clock.systemUTC();
        try (LedgerCore ledger = LedgerCore.open(dir, ZONE, clock, 0)) {
            User patient = new User();
            patient.setId(UUID.randomUUID().toString());
            patient.setName("Asha Rao");
            patient.setEmail(patient.getId() + "@example.com");
            patient.setRole(Role.PATIENT);
            patient.setPassword("pbkdf2:sha256:600000$salt$" + "0".repeat(64));
            patient.setCreatedAt(clock.instant());
            ledger.registerUser(patient, patient.getId());
            LocalDate day = rules.today(clock.instant()).plusDays(3);
            Instant now = clock.instant();
            Appointment hold = Appointment.hold(UUID.randomUUID().toString(), patient,
                    ledger.doctor("doc1").orElseThrow(), day, "09:00 AM", "Fever and a cough for three days", now,
                    rules.holdExpiry(now));
            hold.setAmount(new java.math.BigDecimal("500"));
            String id = ledger.hold(hold, patient.getId(), new BookingLimits(3)).getId();
            PaymentOutcome outcome = new PaymentOutcome(PaymentMethod.CARD, PaymentStatus.SUCCESS,
                    "TXN-" + UUID.randomUUID(), "MockPay", "Visa", "4242");
            ledger.change(id, patient.getId(), ChangeType.PAYMENT, a -> a.paid(outcome, clock.instant(), patient.getId()));
            for (int i = 0; i < reschedules; i++) {
                String time = i % 2 == 0 ? "10:00 AM" : "09:00 AM";
                ledger.change(id, patient.getId(), ChangeType.RESCHEDULED,
                        a -> a.rescheduled(day, time, rules, clock.instant(), patient.getId()));
            }
        }
        List<String> lines = Files.readAllLines(dir.resolve("journal.jsonl"));
        System.out.printf("registration %d B, booking %d B, payment %d B, first reschedule %d B, reschedule %d %d B;"
                + " journal %d B for %d reschedules%n", bytes(lines.get(0)), bytes(lines.get(1)), bytes(lines.get(2)),
                bytes(lines.get(3)), reschedules, bytes(lines.get(lines.size() - 1)),
                Files.size(dir.resolve("journal.jsonl")), reschedules);
    }

    private static int bytes(String line) {
        return line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1;
    }
}
