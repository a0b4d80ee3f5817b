package org.clinic.appointments.infrastructure.ledger;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. Each {@code jakarta.json.Json.createX} call looks it up again, which searches
 * the deployment's class path for a service file: a quarter of the server's CPU when records come from PostgreSQL.
 */
final class Jsonp {

    static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsonp() {
    }
}
