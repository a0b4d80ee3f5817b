package org.clinic.appointments.infrastructure.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.clinic.appointments.domain.AdminAction;
import org.clinic.appointments.domain.PaymentStatus;
import org.junit.jupiter.api.Test;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;

class ClinicMetricsTest {

    /**
     * A thread the metrics library started would hold the application's class loader after an undeploy, so every
     * redeploy would keep the whole old application in the server's heap.
     */
    @Test
    void countingStartsNoThreadThatWouldOutliveTheApplication() {
        ClinicMetrics metrics = new ClinicMetrics();
        for (int i = 0; i < 50; i++) {
            metrics.booked();
            metrics.paid(PaymentStatus.SUCCESS);
            metrics.holdsExpired(1);
            metrics.adminAction(AdminAction.CANCEL);
            metrics.appended(1_500_000, 4096);
        }
        List<String> started = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith("prometheus")).toList();
        assertTrue(started.isEmpty(), "threads of the metrics library: " + started);
        CounterSnapshot bookings = (CounterSnapshot) metrics.registry().scrape().stream()
                .filter(s -> s.getMetadata().getName().equals("clinic_bookings")).findFirst().orElseThrow();
        assertEquals(50, bookings.getDataPoints().get(0).getValue(), "still counted");
    }
}
