package org.clinic.appointments.security;


import org.clinic.appointments.domain.port.AbuseCounts;
import org.clinic.appointments.infrastructure.postgres.AbuseCountsDatabase;
import org.clinic.appointments.infrastructure.postgres.PostgresAbuseCounts;

/** The sign-up limit with its counts in PostgreSQL, as several servers keep them. */
class PostgresRegistrationThrottleIT extends RegistrationThrottleTest {

    @Override
    protected AbuseCounts counts() {
        return new PostgresAbuseCounts(AbuseCountsDatabase.emptied());
    }
}
