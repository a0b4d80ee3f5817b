package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;


import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Messages reach patients through the server's mail session: a real SMTP server (GreenMail) in the test JVM receives
 * each kind, and the test reads its recipient, subject, both bodies and the calendar file.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MessagesIT {

    private static final LocalDate DAY = LocalDate.now(ZoneId.of("Asia/Kolkata")).plusDays(5);
    @RegisterExtension
    static final TestSmtp smtp = TestSmtp.forTests(0);

    @Deployment(testable = false)
    static WebArchive messages() {
        return Deployments.app("messages", true, "appointments.mail-session=java:jboss/mail/Appointments",
                "appointments.mail-send-seconds=1", "appointments.mail-retry-after=PT1S", "appointments.reminders=PT720H",
                "appointments.clinic-name=Lotus Clinic", "appointments.clinic-address=12 MG Road, Pune");
    }

    @ArquillianResource
    URL baseUrl;

    /** The messages to this address, once {@code count} have arrived. */
    private static List<MimeMessage> mailTo(String address, int count) throws InterruptedException {
        return smtp.mailTo(address, count, Duration.ofSeconds(30));
    }

    private static String hold(WebClient patient, String doctor, LocalDate date) {
        return patient.holdOn(doctor, date, "Check-up");
    }

    private static String text(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = text(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static BodyPart attachment(MimeMessage message) throws MessagingException, IOException {
        Multipart mixed = (Multipart) message.getContent();
        for (int i = 0; i < mixed.getCount(); i++) {
            if (Part.ATTACHMENT.equalsIgnoreCase(mixed.getBodyPart(i).getDisposition())) {
                return mixed.getBodyPart(i);
            }
        }
        return null;
    }

    private static MimeMessage withSubject(List<MimeMessage> messages, String start) throws MessagingException {
        for (MimeMessage m : messages) {
            if (m.getSubject().startsWith(start)) {
                return m;
            }
        }
        throw new AssertionError("no message '" + start + "…' among " + messages.size());
    }

    @Test
    void aPaidBookingIsConfirmedWithItsCalendarFileAndItsPaymentAcknowledged() throws Exception {
        WebClient asha = new WebClient(baseUrl);
        String email = asha.registerAndLogin("Asha Mail", null);
        String id = hold(asha, "doc1", DAY);
        assertEquals(302, asha.payByCard(id, "Asha Mail"));

        List<MimeMessage> mail = mailTo(email, 3);
        assertEquals(3, mail.size(), "confirmation, payment and (the visit being within the 720-hour lead) a reminder");
        MimeMessage confirmed = withSubject(mail, "Appointment confirmed: Dr. Rajesh Kumar Sharma");
        assertTrue(confirmed.getMessageID().matches("<" + id + "\\.\\d+\\.booking_confirmed@appointments>"),
                "the outbox id is the Message-ID: " + confirmed.getMessageID());
        String plain = text(confirmed, "text/plain");
        assertTrue(plain.contains("Dear Asha Mail") && plain.contains("Lotus Clinic") && plain.contains("12 MG Road, Pune")
                && plain.contains(id), plain);
        String html = text(confirmed, "text/html");
        assertTrue(html.contains("<p>Dear Asha Mail,</p>") && html.contains("Lotus Clinic"), html);
        BodyPart ics = attachment(confirmed);
        assertTrue(ics != null && ics.getFileName().endsWith(".ics") && ics.isMimeType("text/calendar"));
        String calendar = new String(ics.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(calendar.contains("BEGIN:VEVENT") && calendar.contains("BEGIN:VALARM")
                && calendar.contains("TRIGGER:-PT2H"), calendar);

        MimeMessage reminder = withSubject(mail, "Reminder: Dr. Rajesh Kumar Sharma");
        assertTrue(text(reminder, "text/plain").contains("a reminder of your appointment"));
        MimeMessage paid = withSubject(mail, "Payment received: ₹500");
        assertTrue(text(paid, "text/plain").contains("we received your payment of ₹500"));

        WebClient admin = new WebClient(baseUrl);
        admin.registerAndLogin("Mail Admin", Deployments.ADMIN_CODE);
        String page = admin.get("/admin/appointment?id=" + id).body();
        assertTrue(!page.contains("Messages waiting to be sent") && page.contains("Message sent"),
                "the deliveries are in the appointment's history, none waits");
    }

    @Test
    void aRescheduleACancellationAndItsRefundEachSayTheirOwn() throws Exception {
        WebClient ravi = new WebClient(baseUrl);
        String email = ravi.registerAndLogin("Ravi Mail", null);
        String id = hold(ravi, "doc2", DAY.plusDays(1));
        assertEquals(302, ravi.payByCard(id, "Ravi Mail"));
        assertEquals(3, mailTo(email, 3).size(), "confirmation, payment, reminder");

        WebClient.FormPage reschedule = ravi.open("/patient/book?reschedule=" + id + "&date=" + DAY.plusDays(2));
        Matcher slot = WebClient.FREE_SLOT.matcher(reschedule.body());
        assertTrue(slot.find());
        assertEquals(302, ravi.post(reschedule, "bookForm", "submit", Map.of("time", slot.group(1))).statusCode());
        List<MimeMessage> afterTheMove = mailTo(email, 5);
        MimeMessage moved = withSubject(afterTheMove, "Appointment moved: Dr. Amit Singh Rathore");
        assertTrue(text(moved, "text/plain").contains(slot.group(1)), "names the new time");
        String newDay = DAY.plusDays(2).format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH));
        List<String> reminders = new ArrayList<>();
        for (MimeMessage m : afterTheMove) {
            if (m.getSubject().startsWith("Reminder: ")) {
                reminders.add(text(m, "text/plain"));
            }
        }
        assertEquals(2, reminders.size(), "the new time, within the lead too, has its own reminder");
        assertTrue(reminders.stream().anyMatch(r -> r.contains(newDay) && r.contains(slot.group(1))),
                "naming the new day and time: " + reminders);

        HttpResponse<String> cancelled = ravi.submit("/patient/appointment?id=" + id, "actions", "cancel", Map.of());
        assertTrue(cancelled.statusCode() < 400);
        List<MimeMessage> all = mailTo(email, 7);
        withSubject(all, "Appointment cancelled: Dr. Amit Singh Rathore");
        String refund = text(withSubject(all, "Refund issued: ₹500"), "text/plain");
        assertTrue(refund.contains("we refunded ₹500") && refund.contains("It reaches your account in a few working days"),
                refund);
    }

    @Test
    void leaveTellsEachPatientTheDoctorIsAwayAndHowToMove() throws Exception {
        WebClient meera = new WebClient(baseUrl);
        String email = meera.registerAndLogin("Meera Mail", null);
        String id = hold(meera, "doc3", DAY.plusDays(3));
        assertEquals(302, meera.payAtClinic(id).statusCode());
        assertEquals(2, mailTo(email, 2).size(), "confirmed and reminded, nothing paid");

        WebClient admin = new WebClient(baseUrl);
        admin.registerAndLogin("Leave Mail Admin", Deployments.ADMIN_CODE);
        Map<String, String> leave = Map.of("doctor", "doc3", "from", DAY.plusDays(3).toString(),
                "to", DAY.plusDays(3).toString(), "reason", "Family event");
        WebClient.FormPage schedule = admin.open("/admin/schedule");
        admin.post(schedule, "leaveForm", "preview", leave);
        admin.post(schedule, "leaveForm", "confirm", leave);
        MimeMessage away = withSubject(mailTo(email, 3), "Dr. Meera Kulkarni is away");
        assertTrue(text(away, "text/plain").contains("move it to one of the next free times"));
    }
}
