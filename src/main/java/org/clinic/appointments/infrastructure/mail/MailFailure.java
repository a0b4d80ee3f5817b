package org.clinic.appointments.infrastructure.mail;

import java.util.regex.Pattern;

import jakarta.mail.MessagingException;

/**
 * Why a mail was not sent, in words fit for the server's log and the outbox's record: the exception's kind and the
 * mail server's answer, with every e-mail address left out (a server that refuses a recipient names it).
 */
final class MailFailure {

    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>()\\[\\],;:\"'`]+@[^\\s<>()\\[\\],;:\"'`]+");
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*[\\r\\n]+\\s*");
    private static final int MAX_DEPTH = 4;

    private MailFailure() {
    }

    /** The failure and the ones it wraps (the mail server's answer is often one of those), one line, no address. */
    static String describe(MessagingException failure) {
        StringBuilder chain = new StringBuilder();
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            chain.append(chain.isEmpty() ? "" : "; ").append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null) {
                chain.append(": ").append(cause.getMessage());
            }
        }
        String text = ADDRESS.matcher(chain).replaceAll("(address)");
        return LINE_BREAKS.matcher(text).replaceAll(" ").strip();
    }
}
