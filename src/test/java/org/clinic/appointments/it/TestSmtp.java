package org.clinic.appointments.it;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** GreenMail inside the test JVM, where a server's mail session delivers; read by recipient. */
final class TestSmtp implements AutoCloseable {

    private final GreenMail smtp;

    /** Listens on {@code it.smtp.port} (the provisioned server's mail session) plus {@code offset}. */
    static TestSmtp start(int offset) {
        return new TestSmtp(Integer.getInteger("it.smtp.port", 3925) + offset);
    }

    private TestSmtp(int port) {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
        smtp.start();
    }

    int port() {
        return smtp.getSmtp().getPort();
    }

    /** The mail to this address once {@code count} arrived, or what arrived within {@code wait}. */
    List<MimeMessage> mailTo(String address, int count, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        List<MimeMessage> mine;
        do {
            mine = Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m, address)).toList();
            if (mine.size() >= count) {
                return mine;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return mine;
    }

    private static boolean to(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        smtp.stop();
    }
}
