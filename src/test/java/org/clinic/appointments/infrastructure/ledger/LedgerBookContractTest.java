package org.clinic.appointments.infrastructure.ledger;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;

import org.clinic.appointments.domain.port.AppointmentBook;
import org.clinic.appointments.infrastructure.AppointmentBookContract;
import org.junit.jupiter.api.io.TempDir;

/** The port's contract on the JSON ledger; "reopen" is a restart on the same data directory. */
class LedgerBookContractTest extends AppointmentBookContract {

    @TempDir
    Path dir;

    private LedgerCore core;

    @Override
    protected AppointmentBook openEmpty() {
        return opened();
    }

    private LedgerCore opened() {
        core = LedgerCore.open(dir, ZONE, clock, 0);
        core.offerOnly(WEEK);
        core.offerFreedSlots(TERMS);
        return core;
    }

    @Override
    protected AppointmentBook reopen() {
        core.close();
        return opened();
    }

    /** One change at a time, as the {@code Ledger} singleton's WRITE lock has it. */
    @Override
    protected AppointmentBook asInTheServer(AppointmentBook store) {
        Object lock = new Object();
        return (AppointmentBook) Proxy.newProxyInstance(AppointmentBook.class.getClassLoader(),
                new Class<?>[] {AppointmentBook.class}, (proxy, method, args) -> {
                    synchronized (lock) {
                        try {
                            return method.invoke(store, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }
                });
    }

    @Override
    protected void close() {
        core.close();
    }
}
