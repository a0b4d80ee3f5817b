package org.clinic.appointments.it;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * GreenMail inside the test JVM, where a server's mail session delivers; read by recipient. As a test class's
 * {@code @RegisterExtension} field it runs for the class's tests.
 */
final class TestSmtp implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    private final GreenMail smtp;

    /** Listens on {@code it.smtp.port} (the provisioned server's mail session) plus {@code offset}. */
    static TestSmtp start(int offset) {
        TestSmtp started = forTests(offset);
        started.smtp.start();
        return started;
    }

    /** As {@link #start}, started before the class's tests and stopped after them. */
    static TestSmtp forTests(int offset) {
        return new TestSmtp(Integer.getInteger("it.smtp.port", 3925) + offset);
    }

    private TestSmtp(int port) {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        smtp.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        smtp.stop();
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
