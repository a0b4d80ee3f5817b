package org.clinic.appointments.security;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import org.clinic.appointments.domain.User;
import org.clinic.appointments.domain.port.AppointmentBook;

/** The logged-in account of this request, if any (the caller's name is the user id). */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityContext securityContext;

    @Inject
    AppointmentBook book;

    private Optional<User> user;

    public Optional<User> get() {
        if (user == null) {
            var principal = securityContext.getCallerPrincipal();
            user = principal == null ? Optional.empty() : book.user(principal.getName());
        }
        return user;
    }

    public boolean isLoggedIn() {
        return get().isPresent();
    }

    public boolean isAdmin() {
        return get().map(User::isAdmin).orElse(false);
    }

    public boolean isPatient() {
        return get().map(u -> !u.isAdmin()).orElse(false);
    }

    public String getName() {
        return get().map(User::getName).orElse("");
    }

    public String getId() {
        return get().map(User::getId).orElse(null);
    }
}
