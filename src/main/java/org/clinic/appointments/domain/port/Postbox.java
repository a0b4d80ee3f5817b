package org.clinic.appointments.domain.port;

import java.util.List;

/** Where messages to patients leave the clinic: the application server's mail session. */
public interface Postbox {

    /** Whether a mail server is configured; when not, messages wait in the outbox. */
    boolean isConfigured();

    /** Hands the mail to the mail server; {@link NotSent} says why it could not. */
    void send(Mail mail);

    /** One message: its id (the outbox's, also its {@code Message-ID}), recipient, subject, texts and files. */
    record Mail(String id, String to, String subject, String text, String html, List<Attachment> attachments) {
    }

    record Attachment(String fileName, String mediaType, byte[] content) {
    }

    /** The mail server refused the message or could not be reached. */
    class NotSent extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public NotSent(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
