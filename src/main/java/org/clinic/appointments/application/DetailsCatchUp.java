package org.clinic.appointments.application;

import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;

import org.clinic.appointments.domain.StorageException;

/**
 * A minute after the server starts, finishes the carry-overs of names and addresses that the last week's changes may
 * have left undone, had a server stopped between storing a change and carrying it into the appointments; and the
 * moves of appointments of the walk-ins' records merged into accounts that week.
 */
@Singleton
@Startup
public class DetailsCatchUp {

    private static final Logger LOG = Logger.getLogger(DetailsCatchUp.class.getName());
    static final Duration LOOK_BACK = Duration.ofDays(7);
    private static final long DELAY_MILLIS = 60_000;

    @Resource
    TimerService timers;

    @Inject
    DetailsCarryOver carryOver;

    @Inject
    RecordMerge merge;

    @Inject
    Clock clock;

    @PostConstruct
    void schedule() {
        timers.createSingleActionTimer(DELAY_MILLIS, new TimerConfig("details-catch-up", false));
    }

    @Timeout
    void catchUp() {
        try {
            int carried = carryOver.catchUp(clock.instant().minus(LOOK_BACK), MessageSender.ACTOR);
            if (carried > 0) {
                LOG.info(() -> carried + " appointment(s) now carry the details changed before the server stopped");
            }
            int moved = merge.catchUp(clock.instant().minus(LOOK_BACK), MessageSender.ACTOR);
            if (moved > 0) {
                LOG.info(() -> moved + " appointment(s) of merged walk-ins' records moved after the server stopped");
            }
        } catch (StorageException e) {
            LOG.warning(() -> "Details left to carry stay until the next start: " + e.getMessage());
        }
    }
}
