package org.clinic.appointments.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The morning rush with the booking line at its default room (24 requests in flight). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MorningRushLineBench extends MorningRush {

    @Deployment(testable = false)
    static WebArchive rush() {
        return Deployments.app("rush-line", false, "appointments.line-limit=24");
    }

    @Override
    String name() {
        return "line";
    }
}
