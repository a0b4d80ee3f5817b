package org.clinic.appointments.infrastructure.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Decoding on a second thread while the calling thread indexes: records are handed over in batches, in order.
 * Only at start-up, so a large ledger's parsing and indexing share the machine's cores.
 */
final class ReadAhead {

    private static final int BATCH = 1024;

    private ReadAhead() {
    }

    /** Something that reads records and hands each to the consumer it is given, in order. */
    interface Producer<T> {
        void produce(Consumer<T> out) throws Exception;
    }

    /** Runs {@code producer} on a reader thread and {@code sink} on this one; rethrows what the producer threw. */
    static <T> void run(Producer<T> producer, Consumer<T> sink) throws Exception {
        BlockingQueue<List<T>> batches = new ArrayBlockingQueue<>(16);
        List<T> end = new ArrayList<>(0);
        AtomicReference<Exception> failure = new AtomicReference<>();
        AtomicBoolean abandoned = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            AtomicReference<List<T>> batch = new AtomicReference<>(new ArrayList<>(BATCH));
            try {
                producer.produce(record -> {
                    batch.get().add(record);
                    if (batch.get().size() == BATCH) {
                        hand(batches, batch.getAndSet(new ArrayList<>(BATCH)), abandoned);
                    }
                });
                hand(batches, batch.get(), abandoned);
            } catch (Exception e) {
                failure.set(e);
            } finally {
                if (!abandoned.get()) {
                    hand(batches, end, abandoned);
                }
            }
        }, "ledger-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            for (List<T> batch = take(batches); batch != end; batch = take(batches)) {
                batch.forEach(sink);
            }
        } finally {
            abandoned.set(true);
            batches.clear();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private static <T> void hand(BlockingQueue<List<T>> batches, List<T> batch, AtomicBoolean abandoned) {
        try {
            while (!batches.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                if (abandoned.get()) {
                    throw new CancellationException("the ledger stopped loading");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> List<T> take(BlockingQueue<List<T>> batches) {
        try {
            return batches.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerLoadException("Interrupted while loading the ledger", e);
        }
    }
}
