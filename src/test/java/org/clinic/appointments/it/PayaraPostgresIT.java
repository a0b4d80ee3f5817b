package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.clinic.appointments.infrastructure.postgres.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same WAR on Payara Micro 6 with its records in PostgreSQL, set up as the README says: the driver added to the
 * server, a non-transactional connection pool and its JDBC resource, {@code appointments.store=postgresql}.
 */
class PayaraPostgresIT {

    private static final String DATABASE = "payara";
    private static final String METRICS_TOKEN = "payara-postgres-scrape";

    private static PayaraMicroServer payara;
    private static DataSource database;

    @BeforeAll
    static void startPayaraOnPostgres() throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        database = postgres.createDatabase(DATABASE);
        Path work = TempDirs.create("payara-postgres");
        Path data = Files.createDirectories(work.resolve("data"));
        Path projectData = Path.of(System.getProperty("project.data.dir", "data"));
        Files.copy(projectData.resolve("doctors.json"), data.resolve("doctors.json"));
        Files.copy(projectData.resolve("symptoms.json"), data.resolve("symptoms.json"));
        Path commands = Files.writeString(work.resolve("post-boot.asadmin"), String.join("\n",
                "create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource"
                        + " --restype javax.sql.DataSource --nontransactionalconnections=true"
                        + " --isconnectvalidatereq=true --validationmethod=custom-validation"
                        + " --validationclassname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation"
                        + " --property serverName=127.0.0.1:portNumber=" + postgres.port() + ":databaseName=" + DATABASE
                        + ":user=clinic:password=ignored-by-trust appointments-pool",
                "create-jdbc-resource --connectionpoolid appointments-pool jdbc/appointments", ""));
        Path driver = Path.of(System.getProperty("war.file")).resolveSibling("postgresql").resolve("postgresql.jar");
        payara = PayaraMicroServer.start(work, Map.of("APPOINTMENTS_DATA_DIR", data.toString(),
                "APPOINTMENTS_STORE", "postgresql", "APPOINTMENTS_DATASOURCE", "jdbc/appointments",
                "ADMIN_REGISTRATION_CODE", "payara-postgres-code", "APPOINTMENTS_METRICS_TOKEN", METRICS_TOKEN),
                List.of("--addlibs", driver.toString(), "--postbootcommandfile", commands.toString()));
    }

    @AfterAll
    static void stopPayara() throws InterruptedException {
        if (payara != null) {
            payara.stop();
        }
    }

    @Test
    void aBookingAndItsPaymentAreStoredInTheDatabaseAndCounted() throws SQLException {
        WebClient patient = new WebClient(payara.baseUrl());
        patient.registerAndLogin("Payara Postgres Patient", null);
        String appointmentId = patient.holdFirstFreeSlot("doc1", "On Payara and PostgreSQL");
        assertEquals("pending_payment", statusInDatabase(appointmentId));
        HttpResponse<String> paid = patient.payAtClinic(appointmentId);
        assertEquals(302, paid.statusCode(), "payment answered " + paid.statusCode() + ": " + paid.body());
        assertEquals("confirmed", statusInDatabase(appointmentId));

        String metrics = patient.get("/monitoring/metrics", "Authorization", "Bearer " + METRICS_TOKEN).body();
        assertTrue(metrics.contains("clinic_appointments 1.0") && metrics.contains("clinic_bookings_total 1.0"), metrics);

        HttpResponse<String> ready = patient.get("/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"store\"") && !ready.body().contains("DOWN"), ready.body());
    }

    private static String statusInDatabase(String id) throws SQLException {
        try (Connection c = database.getConnection();
                PreparedStatement query = c.prepareStatement("SELECT status FROM appointments WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
