package org.clinic.appointments.infrastructure.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.junit.jupiter.api.Test;

/** A refused mail is described without the patient's address, which the server's log must never hold. */
class MailFailureTest {

    @Test
    void aRefusedRecipientKeepsTheServersAnswerWithoutTheAddress() throws AddressException {
        MessagingException refusal = new MessagingException(
                "550 5.1.1 <ravi.kumar+clinic@example.co.in>: Recipient address rejected: User unknown");
        SendFailedException failure = new SendFailedException("Invalid Addresses", refusal,
                new InternetAddress[0], new InternetAddress[0],
                new InternetAddress[] {new InternetAddress("ravi.kumar+clinic@example.co.in")});

        String described = MailFailure.describe(failure);

        assertTrue(failure.toString().contains("ravi.kumar"), "Jakarta Mail's own text names the recipient");
        assertFalse(described.contains("ravi.kumar") || described.contains("example.co.in"), described);
        assertEquals("SendFailedException: Invalid Addresses; MessagingException: 550 5.1.1 <(address)>: Recipient address"
                + " rejected: User unknown", described, "the server's answer is kept, for the front desk to act on");
        assertFalse(described.contains("\n"), "one line in the log: " + described);
    }

    @Test
    void anUnreadableAddressIsNotQuotedBack() {
        MessagingException failure = new MessagingException("Could not send",
                new AddressException("Local address contains illegal character", "Ravi Kumar <ravi kumar@", 10));

        String described = MailFailure.describe(failure);

        assertFalse(described.contains("Ravi") || described.contains("ravi"), described);
        assertTrue(described.contains("Local address contains illegal character"), described);
    }

    @Test
    void aFailureWithoutAddressesIsKeptAsItIs() {
        MessagingException failure = new MessagingException("Couldn't connect to host, port: localhost, 2525; timeout -1");

        assertEquals("MessagingException: Couldn't connect to host, port: localhost, 2525; timeout -1",
                MailFailure.describe(failure));
    }
}
