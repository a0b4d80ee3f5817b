/** Converters that read the pages' URL parameters, one per kind of value, each failing the same way. */
package org.clinic.appointments.web.param;
