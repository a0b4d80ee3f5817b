package org.clinic.appointments.tools;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Writes a data directory with N generated appointments for benchmarks: the sample doctors plus generated
 * ones (one per 2,000 appointments beyond the first 16,000, or as many as asked), N/10 patients (who cannot log
 * in), and appointments over the last year and the booking horizon, at most one per doctor, day and slot.
 * Usage: {@code LedgerGenerator <dir> <N> [sample doctors.json] [generated doctors]}.
 */
public final class LedgerGenerator {

    private static final String[] SLOTS = {"09:00 AM", "10:00 AM", "11:00 AM", "12:00 PM", "02:00 PM", "03:00 PM",
        "04:00 PM", "05:00 PM"};
    private static final String[] SPECIALIZATIONS = {"Cardiologist", "Orthopedic Surgeon", "Dermatologist",
        "Pediatrician", "Neurologist", "General Physician", "Gynecologist", "Psychiatrist"};
    private static final String[] METHODS = {"UPI", "Card", "Netbanking", "Wallet", "Pay-at-Clinic"};

    private static final int ADMINS = 3;

    private LedgerGenerator() {
    }

    /** The changes that lead to the record's state, as the application would have written them. */
    private static String history(Random random, String patient, Instant bookedAt, String status, String payment,
            String method) {
        List<String> entries = new ArrayList<>();
        entries.add(entry(bookedAt, patient, "booked", null, "pending_payment", null, null));
        Instant paidAt = bookedAt.plusSeconds(60);
        String admin = "gen-admin" + (1 + random.nextInt(ADMINS));
        if ("Failed".equals(payment)) {
            entries.add(entry(paidAt, patient, "payment_failed", "pending_payment", "cancelled", null, "Failed"));
            return "[" + String.join(", ", entries) + "]";
        }
        String paidStatus = "Pay-at-Clinic".equals(method) ? "Pending" : "Success";
        entries.add(entry(paidAt, patient, "Pending".equals(paidStatus) ? "pay_at_clinic" : "paid", "pending_payment",
                "confirmed", null, paidStatus));
        Instant later = paidAt.plusSeconds(3600);
        if ("cancelled".equals(status)) {
            entries.add(entry(later, patient, "cancelled", "confirmed", "cancelled", paidStatus, payment));
        } else if ("no_show".equals(status)) {
            entries.add(entry(later, admin, "no_show", "confirmed", "no_show", paidStatus, payment));
        }
        return "[" + String.join(", ", entries) + "]";
    }

    private static String entry(Instant at, String actor, String action, String from, String to, String fromPayment,
            String toPayment) {
        return String.format("{\"at\": \"%s\", \"actor\": \"%s\", \"action\": \"%s\"%s%s%s%s}", at, actor, action,
                from == null ? "" : ", \"from_status\": \"" + from + "\"", ", \"to_status\": \"" + to + "\"",
                fromPayment == null ? "" : ", \"from_payment\": \"" + fromPayment + "\"",
                toPayment == null ? "" : ", \"to_payment\": \"" + toPayment + "\"");
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Path sampleDoctors = Path.of(args.length > 2 ? args[2] : "data/doctors.json");
        Files.createDirectories(dir);
        Random random = new Random(42);
        ZoneId zone = ZoneId.of("Asia/Kolkata");
        LocalDate today = LocalDate.now(zone);
        LocalDate first = today.minusDays(365);
        int days = 365 + 30;

        int extraDoctors = args.length > 3 ? Integer.parseInt(args[3]) : Math.max(0, count / 2000 - 8);
        String sample = Files.readString(sampleDoctors).strip();
        StringBuilder doctors = new StringBuilder(sample.substring(0, sample.lastIndexOf(']')).stripTrailing());
        for (int d = 1; d <= extraDoctors; d++) {
            doctors.append(",\n    {\"id\": \"gen-doc").append(d).append("\", \"name\": \"Dr. Generated ").append(d)
                    .append("\", \"specialization\": \"").append(SPECIALIZATIONS[d % SPECIALIZATIONS.length])
                    .append("\", \"qualification\": \"MBBS, MD\", \"experience\": \"").append(5 + d % 25)
                    .append(" years\", \"email\": \"gen").append(d).append("@example.com\", \"phone\": \"+91-90000-")
                    .append(String.format("%05d", d)).append("\", \"location\": \"City Hospital\", \"about\": \"Generated for benchmarks.\"}");
        }
        doctors.append("\n]\n");
        Files.writeString(dir.resolve("doctors.json"), doctors);
        int doctorCount = 8 + extraDoctors;

        int patients = Math.max(1, count / 10);
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("users.json"), StandardCharsets.UTF_8)) {
            out.write("[\n");
            for (int a = 1; a <= ADMINS; a++) {
                out.write(String.format("{\"id\": \"gen-admin%d\", \"name\": \"Admin %d\", \"email\": \"admin%d@generated.example\","
                        + " \"phone\": \"+91 90000 00000\", \"password\": \"!\", \"role\": \"admin\", \"created_at\": \"2025-01-01T00:00:00Z\"},%n",
                        a, a, a));
            }
            for (int p = 0; p < patients; p++) {
                out.write(String.format("{\"id\": \"gen-user%d\", \"name\": \"Patient %d\", \"email\": \"patient%d@generated.example\","
                        + " \"phone\": \"+91 90000 %05d\", \"password\": \"!\", \"role\": \"patient\", \"created_at\": \"2025-01-01T00:00:00Z\"}%s%n",
                        p, p, p, p % 100000, p + 1 < patients ? "," : ""));
            }
            out.write("]\n");
        }

        long slotInstances = (long) doctorCount * days * SLOTS.length;
        if (count > slotInstances) {
            throw new IllegalArgumentException("At most " + slotInstances + " appointments fit");
        }
        List<Long> picks = new ArrayList<>();
        for (long i = 0; i < slotInstances; i++) {
            picks.add(i);
        }
        Collections.shuffle(picks, random);
        Instant now = Instant.now();
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("appointments.json"), StandardCharsets.UTF_8)) {
            out.write("[\n");
            for (int n = 0; n < count; n++) {
                long slot = picks.get(n);
                int doctor = (int) (slot / ((long) days * SLOTS.length));
                int day = (int) (slot / SLOTS.length % days);
                String time = SLOTS[(int) (slot % SLOTS.length)];
                LocalDate date = first.plusDays(day);
                boolean past = date.isBefore(today);
                int roll = random.nextInt(100);
                String status;
                String payment;
                if (roll < 70) {
                    status = "confirmed";
                    payment = random.nextInt(10) == 0 ? "Pending" : "Success";
                } else if (roll < 90) {
                    status = "cancelled";
                    payment = random.nextBoolean() ? "Failed" : "Refunded";
                } else if (past) {
                    status = "no_show";
                    payment = "Success";
                } else {
                    status = "confirmed";
                    payment = "Success";
                }
                String method = "Pending".equals(payment) ? "Pay-at-Clinic" : METHODS[random.nextInt(4)];
                String doctorId = doctor < 8 ? "doc" + (doctor + 1) : "gen-doc" + (doctor - 7);
                int patient = random.nextInt(patients);
                Instant bookedAt = now.minusSeconds(86400L * (days - day));
                String history = history(random, "gen-user" + patient, bookedAt, status, payment, method);
                out.write(String.format("{\"id\": \"gen-%d\", \"user_id\": \"gen-user%d\", \"user_email\": \"patient%d@generated.example\","
                        + " \"user_name\": \"Patient %d\", \"doctor_id\": \"%s\", \"doctor_name\": \"Doctor %s\", \"date\": \"%s\","
                        + " \"time\": \"%s\", \"reason\": \"Generated visit %d\", \"status\": \"%s\", \"booked_at\": \"%s\","
                        + " \"payment_status\": \"%s\", \"payment_method\": \"%s\", \"transaction_id\": \"TXNGEN%d\", \"amount\": 500, \"history\": %s}%s%n",
                        n, patient, patient, patient, doctorId, doctorId, date, time, n, status,
                        bookedAt, payment, method, n, history, n + 1 < count ? "," : ""));
            }
            out.write("]\n");
        }
        System.out.println("Wrote " + count + " appointments, " + patients + " patients and " + doctorCount
                + " doctors to " + dir.toAbsolutePath());
    }
}
