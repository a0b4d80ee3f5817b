/** Backing beans of the admin pages under /admin. */
package org.clinic.appointments.web.admin;
