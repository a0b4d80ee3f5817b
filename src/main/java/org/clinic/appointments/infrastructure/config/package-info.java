/** The product's settings, read through MicroProfile Config. */
package org.clinic.appointments.infrastructure.config;
