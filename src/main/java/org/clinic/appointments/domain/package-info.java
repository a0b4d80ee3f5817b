/** The clinic's plain domain: accounts, doctors, appointments and the rules of their states. */
package org.clinic.appointments.domain;
