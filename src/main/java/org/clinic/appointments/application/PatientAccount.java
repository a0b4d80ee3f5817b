package org.clinic.appointments.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.BookingException;
import org.clinic.appointments.domain.ChangeType;
import org.clinic.appointments.domain.EmailAddress;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.domain.port.AppointmentBook;
import org.clinic.appointments.security.AccountMailThrottle;
import org.clinic.appointments.security.PasswordHasher;
import org.clinic.appointments.security.Roles;

/** A patient's own account: their details, their password, and everything the clinic holds about them. */
@Stateless
@RolesAllowed(Roles.PATIENT)
public class PatientAccount {

    private static final Logger LOG = Logger.getLogger(PatientAccount.class.getName());

    @Resource
    SessionContext context;

    @Inject
    AppointmentBook book;

    @Inject
    PasswordHasher hasher;

    @Inject
    EmailVerification verification;

    @Inject
    AccountMailThrottle throttle;

    @Inject
    DetailsCarryOver carryOver;

    @Inject
    RecordMerge merge;

    @Inject
    Clock clock;

    @Inject
    OwnAccountChanges ownChanges;

    public User me() {
        return book.user(callerId()).orElseThrow(() -> new BookingException("profile.unknown"));
    }

    public User updateProfile(@NotNull @Valid Profile profile) {
        ownChanges.admit(callerId());
        User updated = book.changeUser(callerId(), callerId(), ChangeType.PROFILE_CHANGED,
                user -> user.profileChanged(profile.getName().strip(), profile.getPhone().strip(), clock.instant()));
        LOG.info(() -> "Patient " + updated.getId() + " changed their name or phone");
        carryOver.patient(updated, updated.getId());
        return updated;
    }

    /**
     * Sets a new password when the current one is given right ({@code BookingException} otherwise). Every session
     * signed in before the returned instant ends; the caller's own renews itself from it.
     */
    public Instant changePassword(@NotNull @Valid PasswordChange change) {
        ownChanges.admit(callerId());
        User me = requireCurrentPassword(change.getCurrent());
        String hash = hasher.hashIfFree(change.getChosen().toCharArray())
                .orElseThrow(() -> new BookingException("register.busy"));
        Instant now = clock.instant();
        book.changeUser(me.getId(), me.getId(), ChangeType.PASSWORD_CHANGED, user -> user.passwordChanged(hash, now));
        LOG.info(() -> "Patient " + me.getId() + " changed their password; their other sessions end");
        return now;
    }

    /**
     * Mails a link to the new address; the address changes once it is opened. Refused ({@code BookingException})
     * with a wrong password, the same address, one another account uses, or too many links asked for.
     */
    public void requestEmailChange(@NotNull @Valid EmailChange change, String clientAddress, String verifyPageUrl) {
        User me = requireCurrentPassword(change.getCurrent());
        String key = EmailAddress.identityKey(change.getEmail());
        if (key.equals(EmailAddress.identityKey(me.getEmail()))) {
            throw new BookingException("profile.email.same");
        }
        if (book.userByEmail(key).isPresent()) {
            throw new BookingException("profile.email.taken");
        }
        if (!throttle.admit(clientAddress, me.getId())) {
            throw new BookingException("profile.email.too_many");
        }
        verification.requestChange(me.getId(), key, verifyPageUrl);
        LOG.info(() -> "Patient " + me.getId() + " asked to change their e-mail address");
    }

    /** Mails a new link for the address awaiting verification; earlier links stop working. */
    public String resendVerification(String clientAddress, String verifyPageUrl) {
        User me = me();
        if (me.addressToVerify() == null) {
            throw new BookingException("verify.nothing");
        }
        if (!throttle.admit(clientAddress, me.getId())) {
            throw new BookingException("profile.email.too_many");
        }
        verification.sendLink(me.getId(), verifyPageUrl);
        return me.addressToVerify();
    }

    private User requireCurrentPassword(String current) {
        User me = me();
        if (!hasher.verify(current.toCharArray(), me.getPassword())) {
            LOG.info(() -> "Patient " + me.getId() + " gave a wrong current password");
            throw new BookingException("profile.password.wrong");
        }
        return me;
    }

    /**
     * Everything held about the caller: their account (without its password hash), the walk-ins' records the clinic
     * merged into it, and their appointments.
     */
    public MyData myData() {
        User me = me();
        LOG.info(() -> "Patient " + me.getId() + " downloaded their data");
        return new MyData(me, merge.mergedInto(me.getId()), book.appointmentsOfPatient(me.getId()));
    }

    public record MyData(User account, List<User> mergedRecords, List<Appointment> appointments) {
    }

    private String callerId() {
        return context.getCallerPrincipal().getName();
    }
}
