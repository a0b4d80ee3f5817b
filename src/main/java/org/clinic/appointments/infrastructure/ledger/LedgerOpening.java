package org.clinic.appointments.infrastructure.ledger;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * The ledger's load started at deployment: the first caller that needs it waits for it, and hears why it failed;
 * a data directory that cannot be read is logged once, with the file, the line and the problem.
 */
final class LedgerOpening {

    private static final Logger LOG = Logger.getLogger(LedgerOpening.class.getName());

    private final CompletableFuture<LedgerCore> loading;

    private LedgerOpening(CompletableFuture<LedgerCore> loading) {
        this.loading = loading;
    }

    /** No load: the JSON ledger is not the store in use. */
    static LedgerOpening none() {
        return new LedgerOpening(CompletableFuture.completedFuture(null));
    }

    /** A load under way, and what is done with the ledger once it has loaded. */
    static LedgerOpening of(CompletableFuture<LedgerCore> loading, UnaryOperator<LedgerCore> opened) {
        return new LedgerOpening(loading.whenComplete((loaded, failure) -> unreadable(failure).ifPresent(
                e -> LOG.severe(() -> "The ledger cannot start, nothing was written: " + e.getMessage())))
                .thenApply(opened));
    }

    /** The loaded ledger, once loaded; rethrows why the load failed. */
    LedgerCore join() {
        try {
            LedgerCore opened = loading.join();
            if (opened == null) {
                throw new IllegalStateException("The JSON ledger is not the store in use (appointments.store)");
            }
            return opened;
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The loaded ledger once the load has ended; empty when it failed or there was none. */
    Optional<LedgerCore> ended() {
        return Optional.ofNullable(loading.exceptionally(failed -> null).join());
    }

    private static Optional<LedgerLoadException> unreadable(Throwable failure) {
        if (failure instanceof LedgerLoadException e) {
            return Optional.of(e);
        }
        return failure != null && failure.getCause() instanceof LedgerLoadException e ? Optional.of(e) : Optional.empty();
    }
}
