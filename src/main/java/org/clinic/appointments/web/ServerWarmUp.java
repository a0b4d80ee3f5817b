package org.clinic.appointments.web;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;

import org.clinic.appointments.infrastructure.config.AppConfig;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Warms the page tier as the application starts ({@code appointments.warm-up-seconds}): one asker per core asks for
 * the public pages ({@link PageWarmUp}), and the server reports not ready until they are done, so a load balancer
 * sends patients to a node whose pages are compiled, and a morning rush after a restart meets a warm server.
 */
@ApplicationScoped
public class ServerWarmUp {

    private static final Logger LOG = Logger.getLogger(ServerWarmUp.class.getName());
    private static final Duration REACHABLE_WITHIN = Duration.ofMinutes(2);

    @Inject
    AppConfig config;

    @Resource
    ManagedThreadFactory threads;

    private volatile boolean warming;
    private ExecutorService pool;

    void started(@Observes @Initialized(ApplicationScoped.class) ServletContext application) {
        int seconds = config.warmUpSeconds();
        if (seconds == 0) {
            return;
        }
        URI site = URI.create(config.warmUpUrl() + application.getContextPath());
        int askers = Runtime.getRuntime().availableProcessors();
        PageWarmUp warmUp = new PageWarmUp(site, Duration.ofSeconds(seconds), askers, Clock.systemUTC());
        pool = Executors.newFixedThreadPool(askers + 1, threads);
        warming = true;
        pool.execute(() -> {
            long started = System.nanoTime();
            try {
                PageWarmUp.Outcome outcome = warmUp.run(pool, REACHABLE_WITHIN);
                long took = Duration.ofNanos(System.nanoTime() - started).toSeconds();
                if (outcome.completed()) {
                    LOG.info(() -> "Warm-up done: " + outcome.pagesServed() + " pages in " + took + " s");
                } else {
                    LOG.warning(() -> "Warm-up stopped after " + outcome.pagesServed() + " pages: "
                            + outcome.stoppedBecause() + " (asked at " + site + ": see appointments.warm-up-url)");
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            } finally {
                warming = false;
                pool.shutdown();
            }
        });
        LOG.info(() -> "Warming up for " + seconds + " s at " + site + " before reporting ready");
    }

    /** An application stopped while warming up stops its askers. */
    @PreDestroy
    void stopped() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Produces
    @Readiness
    HealthCheck warmedUp() {
        return () -> HealthCheckResponse.named("warm-up").status(!warming).build();
    }
}
