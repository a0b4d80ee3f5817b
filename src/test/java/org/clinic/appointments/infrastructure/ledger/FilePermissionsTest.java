package org.clinic.appointments.infrastructure.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.clinic.appointments.MutableClock;
import org.clinic.appointments.domain.Role;
import org.clinic.appointments.domain.User;
import org.clinic.appointments.tools.LedgerGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Health data on disk is the server user's alone: files 0600 and directories 0700, whatever the umask. */
class FilePermissionsTest {

    @TempDir
    Path parent;

    @Test
    void everythingTheLedgerWritesIsOwnerOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "a POSIX file system");
        Path dir = parent.resolve("data");
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        LedgerGenerator.main(new String[] {dir.toString(), "50",
            Path.of(System.getProperty("project.data.dir", "data"), "doctors.json").toString()});
        try (LedgerCore ledger = LedgerCore.open(dir, ZoneId.of("Asia/Kolkata"), new MutableClock(Instant.now()), 0)) {
            User user = new User();
            user.setId("u-perm");
            user.setName("Asha Rao");
            user.setEmail("perm@example.com");
            user.setRole(Role.PATIENT);
            user.setPassword("hash");
            ledger.registerUser(user, "u-perm");
            ledger.awaitCompaction();
            ledger.compact();
            ledger.registerUser(copy(user, "u-perm-2", "perm2@example.com"), "u-perm-2");
        }
        assertEquals("rwx------", permissions(dir), "the data directory");
        List<String> wide = new ArrayList<>();
        for (String name : List.of("users.json", "appointments.json", "ledger-state.json", "journal.jsonl",
                "ledger-cache.bin", ".lock")) {
            if (!"rw-------".equals(permissions(dir.resolve(name)))) {
                wide.add(name + " " + permissions(dir.resolve(name)));
            }
        }
        assertEquals("rwx------", permissions(dir.resolve("archive")));
        try (Stream<Path> archived = Files.list(dir.resolve("archive"))) {
            archived.filter(f -> !"rw-------".equals(permissions(f))).forEach(f -> wide.add(f + " " + permissions(f)));
        }
        assertEquals(List.of(), wide, "files others could read");
    }

    private static User copy(User user, String id, String email) {
        User other = user.copy();
        other.setId(id);
        other.setEmail(email);
        return other;
    }

    private static String permissions(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
