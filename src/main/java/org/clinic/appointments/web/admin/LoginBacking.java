package org.clinic.appointments.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import org.clinic.appointments.security.Portal;
import org.clinic.appointments.web.AbstractLoginBacking;

/** The admin login page ({@code /admin/login}); patients are refused here. */
@Named("adminLoginBacking")
@RequestScoped
public class LoginBacking extends AbstractLoginBacking {

    @Override
    protected Portal portal() {
        return Portal.ADMIN;
    }
}
