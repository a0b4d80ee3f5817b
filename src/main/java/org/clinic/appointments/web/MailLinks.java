package org.clinic.appointments.web;

import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.clinic.appointments.infrastructure.config.AppConfig;
import org.omnifaces.util.Faces;

/** The address of a page of this application, for a link sent by mail. */
@ApplicationScoped
public class MailLinks {

    private static final Logger LOG = Logger.getLogger(MailLinks.class.getName());

    @Inject
    AppConfig config;

    private volatile boolean warned;

    /** {@code appointments.public-url} plus the page; without the setting, the request's own address. */
    public String page(String path) {
        return config.publicUrl().orElseGet(() -> {
            if (!warned) {
                warned = true;
                LOG.warning("appointments.public-url is not set: links in mail use the address each request came to");
            }
            return Faces.getRequestBaseURL();
        }) + path;
    }
}
