/** The product's metrics, in the Prometheus text format. */
package org.clinic.appointments.infrastructure.metrics;
