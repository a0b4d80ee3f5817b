package org.clinic.appointments.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The morning rush without the booking line: every request is served as it comes. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MorningRushNoLineBench extends MorningRush {

    @Deployment(testable = false)
    static WebArchive rush() {
        return Deployments.app("rush-no-line", false, "appointments.line-limit=0");
    }

    @Override
    String name() {
        return "no-line";
    }
}
