package org.clinic.appointments.infrastructure.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/** Runs tasks on the executor it is handed; those that come before are kept, in order, until then. */
final class DeferredExecutor implements Executor {

    private final List<Runnable> waiting = new ArrayList<>();
    private Executor target;

    @Override
    public synchronized void execute(Runnable task) {
        if (target == null) {
            waiting.add(task);
        } else {
            target.execute(task);
        }
    }

    synchronized void handOver(Executor executor) {
        target = executor;
        waiting.forEach(executor::execute);
        waiting.clear();
    }
}
