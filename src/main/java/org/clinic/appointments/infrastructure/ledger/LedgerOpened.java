package org.clinic.appointments.infrastructure.ledger;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;

/**
 * The last step of the application's start: Faces has started while the ledger loaded, and the deployment ends when
 * the ledger has loaded too, or fails with the reason it could not.
 */
public class LedgerOpened implements SystemEventListener {

    @Override
    public void processEvent(SystemEvent event) {
        CDI.current().select(Ledger.class).get().awaitOpened();
    }

    @Override
    public boolean isListenerForSource(Object source) {
        return true;
    }
}
