package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;



import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox across SIGKILL: a booking acknowledged but not yet sent when the server is killed is sent after the
 * restart, once; a later kill and restart does not send it again.
 */
class OutboxCrashIT {

    private static final int PORT_OFFSET = 320;

    private StandaloneServer server;
    private TestSmtp smtp;

    @AfterEach
    void stopAll() throws InterruptedException {
        if (server != null) {
            server.close();
        }
        if (smtp != null) {
            smtp.close();
        }
    }

    private StandaloneServer serverSending(Path data, boolean sending) throws Exception {
        return new StandaloneServer(data, PORT_OFFSET, "appointments.mail-session=java:jboss/mail/Appointments",
                "appointments.email-verification=false",
                "appointments.smtp.port=" + smtp.port(), "appointments.mail-send-seconds=" + (sending ? 1 : 3600));
    }

    private long mailTo(String address) throws InterruptedException {
        return smtp.mailTo(address, Integer.MAX_VALUE, Duration.ZERO).size();
    }

    @Test
    void aMessageQueuedBeforeSigkillIsSentOnceAfterTheRestart() throws Exception {
        smtp = TestSmtp.start(1);
        Path data = Deployments.freshDataDirectory("outbox-crash");

        server = serverSending(data, false);
        server.start();
        WebClient patient = new WebClient(server.url());
        String email = patient.registerAndLogin("Crash Mail", null);
        String id = patient.holdOn("doc1", LocalDate.now(ZoneId.of("Asia/Kolkata")).plusDays(3), "Check-up");
        assertEquals(302, patient.payAtClinic(id).statusCode(), "the booking is acknowledged");
        server.kill();
        assertEquals(0, mailTo(email), "killed before its message was sent");

        server = serverSending(data, true);
        server.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (mailTo(email) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(3_000);
        assertEquals(1, mailTo(email), "sent after the restart, once");

        server.kill();
        server = serverSending(data, true);
        server.start();
        Thread.sleep(4_000);
        assertEquals(1, mailTo(email), "its delivery is durable: not sent again after another kill");
        System.out.printf("Outbox crash test: the confirmation of %s queued before SIGKILL was sent once after the"
                + " restart, and not again after a second SIGKILL%n", id);
    }
}
