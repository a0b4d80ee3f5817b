package org.clinic.appointments.security;


import org.clinic.appointments.domain.port.AbuseCounts;
import org.clinic.appointments.infrastructure.postgres.AbuseCountsDatabase;
import org.clinic.appointments.infrastructure.postgres.PostgresAbuseCounts;

/** The sign-in rules with their counts in PostgreSQL, as several servers keep them. */
class PostgresLoginThrottleIT extends LoginThrottleTest {

    @Override
    protected AbuseCounts counts() {
        return new PostgresAbuseCounts(AbuseCountsDatabase.emptied());
    }
}
