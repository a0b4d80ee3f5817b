package org.clinic.appointments.infrastructure.ledger;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.logging.Logger;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;

import org.clinic.appointments.infrastructure.config.AppConfig;
import org.clinic.appointments.infrastructure.config.ClockProducer;
import org.clinic.appointments.infrastructure.config.StoreKind;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Starts loading the ledger as soon as the container begins to start the application's beans, seconds before the
 * {@link Ledger} singleton exists, so that the load overlaps the rest of the deployment. The singleton takes the
 * load when it was started with its own settings, and otherwise loads itself; a load nobody took is closed.
 */
public class LedgerPreload implements Extension {

    private static final Logger LOG = Logger.getLogger(LedgerPreload.class.getName());

    private record Started(Path dir, ZoneId zone, Clock clock, long compactAfterBytes, DeferredExecutor compactions,
            CompletableFuture<LedgerCore> core) {
    }

    private Started started;
    private boolean taken;

    void startLoading(@Observes BeforeBeanDiscovery event) {
        Path dir;
        ZoneId zone;
        long compactAfterBytes;
        try {
            Config config = ConfigProvider.getConfig(LedgerPreload.class.getClassLoader());
            if (StoreKind.fromCode(setting(config, AppConfig.STORE, AppConfig.STORE_DEFAULT)) != StoreKind.JSON) {
                return;
            }
            dir = Path.of(setting(config, AppConfig.DATA_DIR, AppConfig.DATA_DIR_DEFAULT));
            zone = ZoneId.of(setting(config, AppConfig.TIME_ZONE, AppConfig.TIME_ZONE_DEFAULT));
            compactAfterBytes = Long.parseLong(setting(config, AppConfig.JOURNAL_COMPACT_BYTES,
                    AppConfig.JOURNAL_COMPACT_BYTES_DEFAULT));
        } catch (RuntimeException unreadable) {
            LOG.fine(() -> "The ledger loads with the application, not before it: " + unreadable);
            return;
        }
        start(dir, zone, ClockProducer.SYSTEM, compactAfterBytes);
    }

    /** Starts loading {@code dir} on a thread of its own. */
    void start(Path dir, ZoneId zone, Clock clock, long compactAfterBytes) {
        Started load = new Started(dir, zone, clock, compactAfterBytes, new DeferredExecutor(), new CompletableFuture<>());
        Thread thread = new Thread(() -> {
            try {
                load.core().complete(LedgerCore.open(dir, zone, clock, compactAfterBytes, load.compactions()));
            } catch (RuntimeException | Error e) {
                load.core().completeExceptionally(e);
            }
        }, "ledger-load");
        thread.setContextClassLoader(LedgerPreload.class.getClassLoader());
        thread.setDaemon(true);
        synchronized (this) {
            started = load;
        }
        thread.start();
    }

    /**
     * The load started for these settings, its compactions handed over to {@code compactions}; empty when none was
     * started, or one was with other settings (it is closed).
     */
    synchronized Optional<CompletableFuture<LedgerCore>> take(Path dir, ZoneId zone, Clock clock, long compactAfterBytes,
            Executor compactions) {
        if (started == null || taken) {
            return Optional.empty();
        }
        taken = true;
        if (!started.dir().equals(dir) || !started.zone().equals(zone) || !started.clock().equals(clock)
                || started.compactAfterBytes() != compactAfterBytes) {
            LOG.warning(() -> "The ledger loaded before the application with other settings; it loads again");
            close(started);
            return Optional.empty();
        }
        started.compactions().handOver(compactions);
        return Optional.of(started.core());
    }

    void closeUntaken(@Observes BeforeShutdown event) {
        synchronized (this) {
            if (started == null || taken) {
                return;
            }
            taken = true;
        }
        close(started);
    }

    /** Once loaded: runs what the load queued (a cache write) on the loading thread, then closes it. */
    private static void close(Started load) {
        load.core().thenAccept(core -> {
            load.compactions().handOver(Runnable::run);
            core.close();
        });
    }

    private static String setting(Config config, String name, String defaultValue) {
        return config.getOptionalValue(name, String.class).orElse(defaultValue);
    }
}
