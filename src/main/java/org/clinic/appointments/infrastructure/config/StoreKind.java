package org.clinic.appointments.infrastructure.config;

import java.util.Arrays;
import java.util.Locale;

/** Where the clinic's records are kept ({@code appointments.store}). */
public enum StoreKind {
    /** The JSON ledger in the data directory: the embedded default, one server. */
    JSON("json"),
    /** PostgreSQL through the application server's datasource: one or more servers. */
    POSTGRESQL("postgresql");

    private final String code;

    StoreKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static StoreKind fromCode(String code) {
        String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(kind -> kind.code.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("appointments.store is '" + code + "'; it must be one"
                        + " of " + Arrays.stream(values()).map(StoreKind::code).toList()));
    }
}
