package org.clinic.appointments.application;

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
import org.clinic.appointments.domain.User;
import org.clinic.appointments.domain.port.AppointmentBook;
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

    public User me() {
        return book.user(callerId()).orElseThrow(() -> new BookingException("profile.unknown"));
    }

    public User updateProfile(@NotNull @Valid Profile profile) {
        User updated = book.changeUser(callerId(), callerId(), ChangeType.PROFILE_CHANGED, user -> {
            user.setName(profile.getName().strip());
            user.setPhone(profile.getPhone().strip());
            return user;
        });
        LOG.info(() -> "Patient " + updated.getId() + " changed their name or phone");
        return updated;
    }

    /** Sets a new password when the current one is given right; {@code BookingException} otherwise. */
    public void changePassword(@NotNull @Valid PasswordChange change) {
        User me = me();
        if (!hasher.verify(change.getCurrent().toCharArray(), me.getPassword())) {
            LOG.info(() -> "Patient " + me.getId() + " gave a wrong current password");
            throw new BookingException("profile.password.wrong");
        }
        String hash = hasher.hashIfFree(change.getChosen().toCharArray())
                .orElseThrow(() -> new BookingException("register.busy"));
        book.changeUser(me.getId(), me.getId(), ChangeType.PASSWORD_CHANGED, user -> {
            user.setPassword(hash);
            return user;
        });
        LOG.info(() -> "Patient " + me.getId() + " changed their password");
    }

    /** Everything held about the caller: their account (without its password hash) and their appointments. */
    public MyData myData() {
        User me = me();
        LOG.info(() -> "Patient " + me.getId() + " downloaded their data");
        return new MyData(me, book.appointmentsOfPatient(me.getId()));
    }

    public record MyData(User account, List<Appointment> appointments) {
    }

    private String callerId() {
        return context.getCallerPrincipal().getName();
    }
}
