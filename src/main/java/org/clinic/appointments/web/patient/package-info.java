/** Backing beans of the patient pages under /patient. */
package org.clinic.appointments.web.patient;
