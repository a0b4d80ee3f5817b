package org.clinic.appointments.infrastructure.metrics;

import jakarta.enterprise.context.ApplicationScoped;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;

import org.clinic.appointments.domain.AdminAction;
import org.clinic.appointments.domain.PaymentStatus;

/** Counts what the clinic does (each change counted once it is durable) and times the ledger's appends. */
@ApplicationScoped
public class ClinicMetrics {

    private final PrometheusRegistry registry = new PrometheusRegistry();

    private final Counter bookings = Counter.builder().name("clinic_bookings")
            .help("Slots held by patients (durable bookings awaiting payment)").withoutExemplars().register(registry);
    private final Counter payments = Counter.builder().name("clinic_payments")
            .help("Payments by outcome: success, failed, pending (Pay-at-Clinic)").labelNames("outcome").withoutExemplars()
            .register(registry);
    private final Counter holdsExpired = Counter.builder().name("clinic_holds_expired")
            .help("Holds cancelled because their payment did not come in time").withoutExemplars().register(registry);
    private final Counter adminActions = Counter.builder().name("clinic_admin_actions")
            .help("Admin actions taken, by action").labelNames("action").withoutExemplars().register(registry);
    private final Histogram appendSeconds = Histogram.builder().name("clinic_ledger_append_seconds").unit(Unit.SECONDS)
            .help("Time to append one change to the journal and force it to disk").classicOnly()
            .classicUpperBounds(0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1).withoutExemplars()
            .register(registry);
    private final Gauge journalBytes = Gauge.builder().name("clinic_ledger_journal_bytes").unit(Unit.BYTES)
            .help("Size of the current journal (it starts again after each compaction)").withoutExemplars()
            .register(registry);

    private final Gauge chargesOwed = Gauge.builder().name("clinic_charges_owed")
            .help("Charges never recorded that the gateway has not given back yet, as of the last attempt")
            .withoutExemplars().register(registry);

    private volatile java.util.function.LongSupplier appointments = () -> 0;
    private volatile java.util.function.LongSupplier freeDisk = () -> 0;

    {
        GaugeWithCallback.builder().name("clinic_appointments").help("Appointments in the store, of any status")
                .callback(callback -> callback.call(appointments.getAsLong())).register(registry);
        GaugeWithCallback.builder().name("clinic_data_free_disk_bytes").unit(Unit.BYTES)
                .help("Free space in the data directory's file system (readiness is DOWN below appointments.min-free-disk-bytes)")
                .callback(callback -> callback.call(freeDisk.getAsLong())).register(registry);
    }

    public ClinicMetrics() {
        for (PaymentStatus outcome : new PaymentStatus[] {PaymentStatus.SUCCESS, PaymentStatus.FAILED, PaymentStatus.PENDING}) {
            payments.labelValues(outcome.code().toLowerCase(java.util.Locale.ROOT)).inc(0);
        }
        for (AdminAction action : AdminAction.values()) {
            adminActions.labelValues(action.code()).inc(0);
        }
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    public void booked() {
        bookings.inc();
    }

    public void paid(PaymentStatus outcome) {
        payments.labelValues(outcome.code().toLowerCase(java.util.Locale.ROOT)).inc();
    }

    public void holdsExpired(int count) {
        holdsExpired.inc(count);
    }

    public void chargesOwed(int count) {
        chargesOwed.set(count);
    }

    public void adminAction(AdminAction action) {
        adminActions.labelValues(action.code()).inc();
    }

    public void appended(long nanos, long journalSize) {
        appendSeconds.observe(Unit.nanosToSeconds(nanos));
        journalBytes.set(journalSize);
    }

    /** Where the store's figures are read at each scrape: its count, and the data directory's free space. */
    public void watch(java.util.function.LongSupplier appointmentCount, java.nio.file.Path dataDirectory) {
        this.appointments = appointmentCount;
        this.freeDisk = () -> {
            try {
                return java.nio.file.Files.getFileStore(dataDirectory).getUsableSpace();
            } catch (java.io.IOException unreadable) {
                return -1;
            }
        };
    }

    public void journalSize(long bytes) {
        journalBytes.set(bytes);
    }
}
