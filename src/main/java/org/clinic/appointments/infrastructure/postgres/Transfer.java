package org.clinic.appointments.infrastructure.postgres;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.ZoneId;
import java.util.Properties;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.clinic.appointments.infrastructure.ledger.ClinicData;

/**
 * The command that moves a clinic between a JSON data directory and PostgreSQL:
 * {@code import DIR} fills an empty database from a data directory (left as it was), {@code export DIR} writes the
 * database as a new data directory. The database: {@code APPOINTMENTS_DB_URL}, {@code APPOINTMENTS_DB_USER},
 * {@code APPOINTMENTS_DB_PASSWORD}; the clinic's time zone {@code APPOINTMENTS_TIME_ZONE} (default Asia/Kolkata).
 */
public final class Transfer {

    /** What the command did; never the database's address, which may carry its password. */
    private static final Logger LOG = Logger.getLogger(Transfer.class.getName());

    private Transfer() {
    }

    public static void main(String[] args) {
        if (args.length != 2 || !(args[0].equals("import") || args[0].equals("export"))) {
            LOG.severe("usage: Transfer import|export DATA_DIRECTORY");
            System.exit(2);
        }
        String url = env("APPOINTMENTS_DB_URL", "jdbc:postgresql://localhost:5432/appointments");
        DataSource database = new DriverDataSource(url, env("APPOINTMENTS_DB_USER", "appointments"),
                env("APPOINTMENTS_DB_PASSWORD", ""));
        ZoneId zone = ZoneId.of(env("APPOINTMENTS_TIME_ZONE", "Asia/Kolkata"));
        Path dir = Path.of(args[1]);
        String version = PostgresSchema.migrate(database);
        LOG.info(() -> "Schema version " + version);
        PostgresTransfer transfer = new PostgresTransfer(database, zone);
        if (args[0].equals("import")) {
            ClinicData data = ClinicData.read(dir, zone);
            transfer.importAll(data);
            LOG.info(() -> "Imported " + dir + " into the database: " + summary(data));
        } else {
            ClinicData data = transfer.exportAll();
            data.write(dir, zone);
            LOG.info(() -> "Exported the database to " + dir + ": " + summary(data));
        }
    }

    private static String summary(ClinicData data) {
        return data.doctors().size() + " doctors, " + data.users().size() + " accounts, "
                + data.appointments().size() + " appointments";
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    /** Connections from the JDBC driver on the class path. */
    record DriverDataSource(String url, String user, String password) implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            Properties properties = new Properties();
            properties.setProperty("user", user);
            if (!password.isEmpty()) {
                properties.setProperty("password", password);
            }
            return DriverManager.getConnection(url, properties);
        }

        @Override
        public Connection getConnection(String otherUser, String otherPassword) throws SQLException {
            return DriverManager.getConnection(url, otherUser, otherPassword);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // no log
        }

        @Override
        public void setLoginTimeout(int seconds) {
            DriverManager.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() {
            return DriverManager.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
