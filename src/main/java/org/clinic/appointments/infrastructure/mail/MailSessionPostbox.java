package org.clinic.appointments.infrastructure.mail;

import java.util.Optional;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.activation.DataHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.clinic.appointments.domain.port.Postbox;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends through the application server's Jakarta Mail session named by {@code appointments.mail-session} (its JNDI
 * name; none: no mail server configured). The outbox's message id is the mail's {@code Message-ID}.
 */
@ApplicationScoped
public class MailSessionPostbox implements Postbox {

    private static final Logger LOG = Logger.getLogger(MailSessionPostbox.class.getName());

    @Inject
    @ConfigProperty(name = "appointments.mail-session")
    Optional<String> sessionName;

    @Inject
    @ConfigProperty(name = "appointments.mail-from", defaultValue = "appointments@clinic.invalid")
    String from;

    @Override
    public boolean isConfigured() {
        return sessionName.filter(name -> !name.isBlank()).isPresent();
    }

    @Override
    public void send(Mail mail) {
        Session session = session();
        try {
            MimeMessage message = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", "<" + mail.id() + "@appointments>");
                }
            };
            message.setFrom(new InternetAddress(from));
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.to(), true));
            message.setSubject(oneLine(mail.subject()), "UTF-8");
            MimeMultipart texts = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), "UTF-8");
            texts.addBodyPart(text);
            MimeBodyPart html = new MimeBodyPart();
            html.setContent(mail.html(), "text/html; charset=UTF-8");
            texts.addBodyPart(html);
            MimeMultipart whole = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(texts);
            whole.addBodyPart(body);
            for (Attachment attachment : mail.attachments()) {
                MimeBodyPart file = new MimeBodyPart();
                file.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.mediaType())));
                file.setFileName(attachment.fileName());
                whole.addBodyPart(file);
            }
            message.setContent(whole);
            Transport.send(message);
        } catch (MessagingException e) {
            throw new NotSent(MailFailure.describe(e), e);
        }
    }

    /** A subject never carries a line break into the headers. */
    public static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]+", " ").strip();
    }

    private Session session() {
        String name = sessionName.orElseThrow(() -> new NotSent("no mail server configured", null));
        try {
            return (Session) new InitialContext().lookup(name);
        } catch (NamingException | ClassCastException e) {
            LOG.warning(() -> "Mail session " + name + " (appointments.mail-session) cannot be used: " + e);
            throw new NotSent("mail session " + name + " not found", e);
        }
    }
}
