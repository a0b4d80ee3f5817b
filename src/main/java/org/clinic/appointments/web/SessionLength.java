package org.clinic.appointments.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

import org.clinic.appointments.infrastructure.config.AppConfig;

/** Gives each new session the configured time a signed-in person may leave the application alone. */
@WebListener
public class SessionLength implements HttpSessionListener {

    @Inject
    AppConfig config;

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        event.getSession().setMaxInactiveInterval((int) config.sessionTimeout().toSeconds());
    }
}
