/** Messages leaving the clinic: the application server's Jakarta Mail session behind the domain's {@code Postbox}. */
package org.clinic.appointments.infrastructure.mail;
