package org.clinic.appointments.application;

import java.util.logging.Logger;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.clinic.appointments.domain.port.Postbox;

/** Mail about an account that carries a secret (a reset or verification link): sent at once, on its own thread, never stored. */
@Stateless
@PermitAll
public class AccountMail {

    private static final Logger LOG = Logger.getLogger(AccountMail.class.getName());

    @Inject
    Postbox postbox;

    @Asynchronous
    public void send(Postbox.Mail mail) {
        if (!postbox.isConfigured()) {
            LOG.warning(() -> "Account mail " + mail.id() + " not sent: no mail server configured");
            return;
        }
        try {
            postbox.send(mail);
        } catch (Postbox.NotSent e) {
            LOG.warning(() -> "Account mail " + mail.id() + " not sent: " + e.getMessage()
                    + " (the person may ask again)");
        }
    }
}
