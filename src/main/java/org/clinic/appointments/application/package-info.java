/** The clinic's use cases as services, with validation on their parameters and roles on their methods. */
package org.clinic.appointments.application;
