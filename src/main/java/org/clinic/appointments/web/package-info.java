/** Backing beans of the pages, mirroring the page tree: public pages here, /patient and /admin below. */
package org.clinic.appointments.web;
