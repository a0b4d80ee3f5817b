package org.clinic.appointments.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.clinic.appointments.domain.AdminAction;
import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.ClinicRules;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.MessageKind;
import org.clinic.appointments.domain.MessagePolicy;
import org.clinic.appointments.domain.OutboxMessage;
import org.clinic.appointments.domain.PaymentMethod;
import org.clinic.appointments.domain.PaymentOutcome;
import org.clinic.appointments.domain.PaymentStatus;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.domain.port.Postbox;
import org.clinic.appointments.domain.TestMessages;
import org.clinic.appointments.infrastructure.mail.MailSessionPostbox;
import org.junit.jupiter.api.Test;

/** Every kind of message has both texts; what a person typed is escaped in HTML and never breaks a header. */
class MessageTemplatesTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    private static final ClinicRules RULES = new ClinicRules(ZONE, List.of("09:00 AM", "10:00 AM"), 30,
            Duration.ofMinutes(15), Duration.ofHours(24), 3);
    private static final Instant NOW = LocalDate.of(2026, 11, 24).atTime(12, 0).atZone(ZONE).toInstant();
    private static final MessageTemplates.Clinic CLINIC = new MessageTemplates.Clinic("Lotus <Clinic>",
            "12 MG Road, Pune", RULES, Duration.ofMinutes(30));

    private static Appointment confirmed(String patientName) {
        User patient = new User();
        patient.setId("p1");
        patient.setName(patientName);
        patient.setEmail("asha@example.com");
        Doctor doctor = new Doctor();
        doctor.setId("doc1");
        doctor.setName("Dr. O'Brien & Sons");
        Appointment hold = Appointment.hold("a1", patient, doctor, LocalDate.of(2026, 11, 30), "09:00 AM", "Check-up",
                NOW, RULES.holdExpiry(NOW));
        hold.setAmount(new BigDecimal("750"));
        return MessagePolicy.queued(hold, hold.paid(new PaymentOutcome(PaymentMethod.CARD, PaymentStatus.SUCCESS, "T1",
                "Visa", "Visa", "4242"), NOW, "p1"), NOW);
    }

    @Test
    void aConfirmationNamesTheVisitTheClinicAndCarriesTheCalendarFileWithAReminder() {
        Appointment a = confirmed("Asha <b>Rao</b>");
        OutboxMessage confirmation = a.getMessages().get(0);
        Postbox.Mail mail = MessageTemplates.mail(confirmation, a, null, CLINIC);
        assertEquals("asha@example.com", mail.to());
        assertEquals(confirmation.getId(), mail.id());
        assertEquals("Appointment confirmed: Dr. O'Brien & Sons on Monday 30 November 2026 at 09:00 AM", mail.subject());
        assertTrue(mail.text().startsWith("Dear Asha <b>Rao</b>,"), mail.text());
        assertTrue(mail.text().endsWith("Lotus <Clinic>\n12 MG Road, Pune"), mail.text());
        assertTrue(mail.html().contains("Dear Asha &lt;b&gt;Rao&lt;/b&gt;,") && mail.html().contains("O&#39;Brien &amp; Sons")
                && !mail.html().contains("<b>"), mail.html());
        assertEquals(1, mail.attachments().size());
        String ics = new String(mail.attachments().get(0).content(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(ics.contains("BEGIN:VALARM") && ics.contains("TRIGGER:-PT2H"), ics);

        Postbox.Mail paid = MessageTemplates.mail(a.getMessages().get(1), a, null, CLINIC);
        assertEquals("Payment received: ₹750 for Dr. O'Brien & Sons on Monday 30 November 2026", paid.subject());
        assertTrue(paid.attachments().isEmpty());
    }

    @Test
    void everyKindOfMessageHasItsTexts() {
        Appointment a = confirmed("Asha Rao");
        for (org.clinic.appointments.domain.MessageKind kind : org.clinic.appointments.domain.MessageKind.values()) {
            OutboxMessage message = TestMessages.of("a1.9." + kind.code(), kind, "asha@example.com");
            Postbox.Mail mail = MessageTemplates.mail(message, a, null, CLINIC);
            assertFalse(mail.subject().isBlank() || mail.text().isBlank(), kind.code());
            assertFalse(mail.subject().contains("{") || mail.text().contains("{"), kind + ": " + mail.text());
        }
    }

    private static String refundMail(Appointment a) {
        return MessageTemplates.mail(TestMessages.of("a1.9.refund_issued", MessageKind.REFUND_ISSUED, "asha@example.com"),
                a, null, CLINIC).text();
    }

    @Test
    void aRefundSaysHowTheMoneyComesBackWithTheGatewaysReferenceOnceGivenBack() {
        Appointment refunded = confirmed("Asha Rao").byAdmin(AdminAction.REFUND, null, RULES, NOW, "admin1");
        assertTrue(refundMail(refunded).contains("we refunded ₹750 for your appointment with Dr. O'Brien & Sons on Monday"
                + " 30 November 2026 at 09:00 AM. It reaches your account in a few working days; the payment gateway"
                + " confirms it"), refundMail(refunded));
        Appointment givenBack = refunded.paymentReversed("T1", "RFD1", NOW, "system");
        assertTrue(refundMail(givenBack).contains("Refund reference: RFD1"), refundMail(givenBack));

        Appointment atClinic = confirmed("Asha Rao");
        atClinic.setPaymentMethod(PaymentMethod.PAY_AT_CLINIC);
        String desk = refundMail(atClinic.byAdmin(AdminAction.REFUND, null, RULES, NOW, "admin1"));
        assertTrue(desk.contains("collect the refund at the clinic's desk") && !desk.contains("your account"), desk);
    }

    @Test
    void theClinicsNoteIsItsCancellationsNotThatOfTheRefundAfterIt() {
        Appointment a = confirmed("Asha Rao").byAdmin(AdminAction.CANCEL, "The doctor is unwell", RULES, NOW, "admin1")
                .byAdmin(AdminAction.REFUND, null, RULES, NOW, "admin1").paymentReversed("T1", "RFD1", NOW, "system");
        String text = MessageTemplates.mail(TestMessages.of("a1.9.cancelled_by_clinic", MessageKind.CANCELLED_BY_CLINIC,
                "asha@example.com"), a, null, CLINIC).text();
        assertTrue(text.contains("The clinic's note: The doctor is unwell") && !text.contains("RFD1"), text);
    }

    @Test
    void aSubjectNeverCarriesALineBreakIntoTheHeaders() {
        assertEquals("Appointment confirmed: Dr. X Bcc: victim@example.org",
                MailSessionPostbox.oneLine("Appointment confirmed: Dr. X\r\nBcc: victim@example.org"));
        assertEquals("a b c", MailSessionPostbox.oneLine("a\u2028b\u0085c"));
    }

    @Test
    void aLinksTimeReadsAsWritten() {
        User user = new User();
        user.setId("p1");
        user.setName("Asha Rao");
        user.setEmail("asha@example.com");
        assertTrue(MessageTemplates.resetMail(user, "https://x/reset", Duration.ofMinutes(1), "Lotus", "Pune").text()
                .contains("within 1 minute:"));
        assertTrue(MessageTemplates.resetMail(user, "https://x/reset", Duration.ofMinutes(30), "Lotus", "Pune").text()
                .contains("within 30 minutes:"));
        assertTrue(MessageTemplates.verifyMail(user.unverified(NOW), "https://x/verify", Duration.ofHours(1), "Lotus", "Pune").text()
                .contains("within 1 hour:"));
        assertTrue(MessageTemplates.verifyMail(user.unverified(NOW), "https://x/verify", Duration.ofHours(48), "Lotus", "Pune").text()
                .contains("within 48 hours:"));
    }
}
