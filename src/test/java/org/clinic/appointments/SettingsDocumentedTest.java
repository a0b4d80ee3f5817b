package org.clinic.appointments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every setting the application or its WildFly configuration scripts read is in the README, and the README documents
 * no setting that nothing reads.
 */
class SettingsDocumentedTest {

    private static final Pattern KEY = Pattern.compile("appointments(?:\\.[a-z0-9]+(?:-[a-z0-9]+)*)+");

    @Test
    void theReadmeNamesEverySettingTheApplicationReads() throws IOException {
        Set<String> read = new TreeSet<>();
        keys(Path.of("src/main/java"), ".java", Pattern.compile("\"(" + KEY.pattern() + ")\""), read);
        keys(Path.of("wildfly-config"), ".cli", Pattern.compile("\\$\\{(" + KEY.pattern() + ")"), read);
        String readme = Files.readString(Path.of("README.md"));
        Set<String> documented = new TreeSet<>();
        Matcher named = Pattern.compile("`(" + KEY.pattern() + ")`").matcher(readme);
        while (named.find()) {
            documented.add(named.group(1));
        }
        for (String key : read) {
            if (readme.contains("`" + environmentName(key) + "`")) {
                documented.add(key);
            }
        }
        assertTrue(read.size() > 40, "the settings were found: " + read);
        assertEquals(Set.of(), difference(read, documented), "read by the application, missing from the README");
        assertEquals(Set.of(), difference(documented, read), "in the README, read by nothing");
    }

    /** The keys the files under the folder read, as the pattern's first group finds them. */
    private static void keys(Path folder, String suffix, Pattern pattern, Set<String> into) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(p -> p.toString().endsWith(suffix)).toList()) {
                Matcher found = pattern.matcher(Files.readString(file));
                while (found.find()) {
                    into.add(found.group(1));
                }
            }
        }
    }

    /** The environment variable MicroProfile Config reads a key from: {@code appointments.db.url}, APPOINTMENTS_DB_URL. */
    private static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> rest = new TreeSet<>(a);
        rest.removeAll(b);
        return rest;
    }
}
