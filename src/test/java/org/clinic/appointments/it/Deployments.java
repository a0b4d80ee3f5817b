package org.clinic.appointments.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Consumer;

import org.jboss.shrinkwrap.api.Domain;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR the build produced, with settings of the test's own: a fresh data directory holding the sample
 * doctors and symptoms, plus any settings and files the test adds.
 */
public final class Deployments {

    public static final String ADMIN_CODE = "test-admin-code-7731";

    /** Archives that the container receives as a zip of the WAR's entries as they are ({@link StoredZipExporter}). */
    private static final Domain DEPLOYED = ShrinkWrap.createDomain();

    static {
        DEPLOYED.getConfiguration().getExtensionLoader().addOverride(ZipExporter.class, StoredZipExporter.class);
    }

    private Deployments() {
    }

    public static WebArchive app(String name, boolean adminCodeConfigured, String... settings) {
        return app(name, adminCodeConfigured, dir -> { }, settings);
    }

    /** As {@link #app(String, boolean, String...)}, letting the test put files into the data directory first. */
    public static WebArchive app(String name, boolean adminCodeConfigured, Consumer<Path> seed, String... settings) {
        Path dataDir = freshDataDirectory(name);
        seed.accept(dataDir);
        StringBuilder config = new StringBuilder()
                .append("appointments.data-dir=").append(dataDir.toString().replace("\\", "/")).append('\n')
                .append("appointments.password-hash-iterations=1024\n")
                .append("appointments.payment-test-cards=true\n")
                .append("appointments.max-concurrent-hashing=64\n")
                .append("appointments.max-registrations-per-address=100000\n")
                .append("appointments.email-verification=false\n")
                .append("appointments.warm-up-seconds=0\n")
                .append("appointments.working-days=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY\n");
        if (adminCodeConfigured) {
            config.append("appointments.admin-code=").append(ADMIN_CODE).append('\n');
        }
        for (String setting : settings) {
            config.append(setting).append('\n');
        }
        return DEPLOYED.getArchiveFactory().create(ZipImporter.class, name + ".war")
                .importFrom(Path.of(System.getProperty("war.file")).toFile())
                .as(WebArchive.class)
                .addAsResource(new StringAsset(config.toString()), "META-INF/microprofile-config.properties");
    }

    /**
     * One appointment record in the stored format, for seeding {@code appointments.json}. {@code payment} and
     * {@code method} may be null (not paid yet); {@code extra} is more JSON members, e.g. a hold's expiry.
     */
    public static String appointment(String id, String patientName, String doctorId, LocalDate date, String time,
            String status, String payment, String method, String extra) {
        String patient = patientName.toLowerCase(java.util.Locale.ROOT).replace(' ', '.');
        return """
                {"id": "%s", "user_id": "seed-%s", "user_email": "%s@example.com", "user_name": "%s",
                 "doctor_id": "%s", "doctor_name": "Dr. %s", "date": "%s", "time": "%s", "reason": "Follow-up",
                 "status": "%s", "booked_at": "2026-01-01T10:00:00", "amount": 500%s%s%s%s}"""
                .formatted(id, patient, patient, patientName, doctorId, doctorId, date, time, status,
                        payment == null ? "" : ", \"payment_status\": \"" + payment + "\"",
                        method == null ? "" : ", \"payment_method\": \"" + method + "\"",
                        payment == null ? "" : ", \"transaction_id\": \"TXN-" + id + "\"",
                        extra == null ? "" : ", " + extra);
    }

    /** Writes the records as the data directory's {@code appointments.json}. */
    public static void writeAppointments(Path dataDir, java.util.List<String> records) {
        try {
            Files.writeString(dataDir.resolve("appointments.json"), "[\n" + String.join(",\n", records) + "\n]\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path freshDataDirectory(String name) {
        try {
            Path dir = TempDirs.create("appointments-it-" + name + "-");
            Path source = Path.of(System.getProperty("project.data.dir"));
            Files.copy(source.resolve("doctors.json"), dir.resolve("doctors.json"));
            Files.copy(source.resolve("symptoms.json"), dir.resolve("symptoms.json"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
