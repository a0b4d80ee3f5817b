package org.clinic.appointments.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.OutboxMessage;
import org.clinic.appointments.domain.StorageException;
import org.clinic.appointments.domain.port.AppointmentBook;
import org.clinic.appointments.domain.port.Postbox;
import org.clinic.appointments.infrastructure.config.AppConfig;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.MessagePolicy;

/**
 * Sends the outbox, every {@code appointments.mail-send-seconds}: each due message is handed to the mail server,
 * then its delivery is stored in the appointment's history; a refused attempt is stored too and tried again after
 * a wait that doubles, until {@code appointments.mail-max-attempts}. A crash between the change and the send loses
 * nothing: the message is in the store with the change, and is sent after the restart, under its own id.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MessageSender {

    private static final Logger LOG = Logger.getLogger(MessageSender.class.getName());
    static final String ACTOR = "system";
    private static final int BATCH = 50;
    private static final Duration LONGEST_WAIT = Duration.ofDays(1);

    @Resource
    TimerService timers;

    @Inject
    AppConfig config;

    @Inject
    AppointmentBook book;

    @Inject
    Postbox postbox;

    @Inject
    DetailsCarryOver carryOver;

    @Inject
    Clock clock;

    private volatile boolean sending;

    @PostConstruct
    void schedule() {
        long interval = config.mailSendSeconds() * 1000L;
        timers.createIntervalTimer(interval, interval, new TimerConfig("outbox", false));
        if (!postbox.isConfigured()) {
            LOG.info("No mail server configured (appointments.mail-session): messages wait in the outbox");
        }
    }

    @Timeout
    void sendDue() {
        if (!postbox.isConfigured() || sending) {
            return;
        }
        sending = true;
        try {
            queueDueReminders();
            for (Appointment due : book.withDueMessages(BATCH)) {
                Optional<Appointment> appointment = carryOver.beforeSending(due, ACTOR);
                Instant now = clock.instant();
                for (OutboxMessage message : appointment.map(Appointment::getMessages).orElse(java.util.List.of())) {
                    if (message.isDue(now)) {
                        send(appointment.get(), message);
                    }
                }
            }
        } catch (StorageException e) {
            LOG.warning(() -> "The outbox waits for the next round: " + e.getMessage());
        } finally {
            sending = false;
        }
    }

    /** Queues the reminders whose time has come, for the confirmed visits within the longest lead. */
    private void queueDueReminders() {
        java.util.List<Duration> leads = config.reminders();
        if (leads.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Duration longest = leads.stream().max(Duration::compareTo).orElseThrow();
        java.time.LocalDate today = java.time.LocalDate.ofInstant(now, config.zone());
        java.time.LocalDate last = java.time.LocalDate.ofInstant(now.plus(longest), config.zone());
        for (Doctor doctor : book.doctors()) {
            for (java.time.LocalDate day = today; !day.isAfter(last); day = day.plusDays(1)) {
                for (Appointment a : book.appointmentsOf(doctor.getId(), day)) {
                    Instant start = config.rules().startOf(a);
                    MessagePolicy.dueReminder(a, start, leads, now)
                            .ifPresent(lead -> queueReminder(a.getId(), leads));
                }
            }
        }
    }

    /** Queues the reminder due for the appointment as it is when written (it may have moved since it was read). */
    private void queueReminder(String appointmentId, java.util.List<Duration> leads) {
        try {
            book.change(appointmentId, ACTOR, ChangeType.REMINDER_QUEUED, current -> {
                Instant now = clock.instant();
                return MessagePolicy.dueReminder(current, config.rules().startOf(current),
                        leads, now).map(due -> current.reminderQueued(due, now, ACTOR)).orElse(current);
            });
        } catch (BookingException | IllegalArgumentException changedMeanwhile) {
            LOG.fine(() -> "No reminder for " + appointmentId + ": " + changedMeanwhile.getMessage());
        }
    }

    private void send(Appointment appointment, OutboxMessage message) {
        MessageTemplates.Clinic clinic = new MessageTemplates.Clinic(config.clinicName(), config.clinicAddress(),
                config.rules(), config.visitLength());
        Postbox.Mail mail = MessageTemplates.mail(message, appointment,
                book.doctor(appointment.getDoctorId()).orElse(null), clinic);
        try {
            postbox.send(mail);
        } catch (Postbox.NotSent refused) {
            Instant now = clock.instant();
            Instant retryAt = message.getAttempts() + 1 >= config.mailMaxAttempts() ? null : now.plus(wait(message));
            book.change(appointment.getId(), ACTOR, ChangeType.MESSAGE_FAILED,
                    a -> a.messageFailed(message.getId(), refused.getMessage(), retryAt, now, ACTOR));
            LOG.warning(() -> "Message " + message.getId() + " not sent (attempt " + (message.getAttempts() + 1) + "): "
                    + refused.getMessage() + (retryAt == null ? "; given up" : "; next attempt at " + retryAt));
            return;
        }
        book.change(appointment.getId(), ACTOR, ChangeType.MESSAGE_SENT,
                a -> a.messageSent(message.getId(), clock.instant(), ACTOR));
        LOG.info(() -> "Message " + message.getId() + " (" + message.getKind().code() + ") sent");
    }

    private Duration wait(OutboxMessage message) {
        Duration wait = config.mailRetryAfter().multipliedBy(1L << Math.min(message.getAttempts(), 20));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
