package org.clinic.appointments.tools;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;

import javax.sql.DataSource;

import org.clinic.appointments.domain.port.AbuseCounts;
import org.clinic.appointments.infrastructure.memory.MemoryAbuseCounts;
import org.clinic.appointments.infrastructure.postgres.PostgresAbuseCounts;
import org.clinic.appointments.infrastructure.postgres.PostgresSchema;
import org.clinic.appointments.security.LoginThrottle;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What the login throttle adds to one login, one at a time: its reservation and its settling (a success), in memory
 * and, given a JDBC URL of a PostgreSQL database (migrated first; its counts are left there), in the database over
 * one connection kept open, as the server's pool keeps them.
 * Usage: {@code LoginThrottleCost [jdbc:postgresql://host:port/db?user=…] [logins per round]}.
 */
public final class LoginThrottleCost {

    private LoginThrottleCost() {
    }

    public static void main(String[] args) {
        int logins = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        measure("memory", new MemoryAbuseCounts(), logins);
        if (args.length > 0) {
            PGSimpleDataSource database = new PGSimpleDataSource();
            database.setUrl(args[0]);
            PostgresSchema.migrate(database);
            measure("PostgreSQL", new PostgresAbuseCounts(oneConnection(database)), logins);
        }
    }

    /** One connection kept open and handed out again, as the server's pool does. */
    private static DataSource oneConnection(DataSource database) {
        try {
            Connection kept = database.getConnection();
            Connection handedOut = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, arguments) -> method.getName().equals("close")
                            ? null : method.invoke(kept, arguments));
            return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                    new Class<?>[] {DataSource.class}, (proxy, method, arguments) -> method.getName()
                            .equals("getConnection") ? handedOut : method.invoke(database, arguments));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void measure(String store, AbuseCounts counts, int logins) {
        LoginThrottle throttle = new LoginThrottle(counts, Clock.systemUTC());
        for (int round = 1; round <= 3; round++) {
            long[] micros = new long[logins];
            for (int i = 0; i < logins; i++) {
                long started = System.nanoTime();
                throttle.reserve("patient" + i + "@example.com", "10.1." + (i / 250) + "." + (i % 250), false)
                        .granted().orElseThrow().succeeded();
                micros[i] = (System.nanoTime() - started) / 1_000;
            }
            Arrays.sort(micros);
            System.out.printf("%s, round %d: median %d µs, p99 %d µs a login%n", store, round, micros[logins / 2],
                    micros[logins * 99 / 100]);
        }
    }
}
