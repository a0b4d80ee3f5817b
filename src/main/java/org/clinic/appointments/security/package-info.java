/** Who the caller is: the login mechanism, the identity store over the ledger's users, roles and throttling. */
package org.clinic.appointments.security;
