package org.clinic.appointments.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import org.clinic.appointments.security.Portal;

/** The patient login page ({@code /login}). */
@Named
@RequestScoped
public class LoginBacking extends AbstractLoginBacking {

    @Override
    protected Portal portal() {
        return Portal.PATIENT;
    }
}
