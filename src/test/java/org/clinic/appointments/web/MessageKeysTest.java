package org.clinic.appointments.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every text a page names exists, once: a missing key shows "???key???" to patients and screen readers. */
class MessageKeysTest {

    private static final Path BUNDLE = Path.of("src/main/resources/i18n/messages.properties");
    private static final Pattern PAGE_KEY = Pattern.compile("msg\\['([A-Za-z0-9_.]+)'\\]");

    @Test
    void everyKeyAPageUsesIsInTheBundle() throws IOException {
        Properties texts = new Properties();
        try (var reader = Files.newBufferedReader(BUNDLE, StandardCharsets.UTF_8)) {
            texts.load(reader);
        }
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> pages = Files.walk(Path.of("src/main/webapp"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
                Matcher key = PAGE_KEY.matcher(Files.readString(page));
                while (key.find()) {
                    if (!texts.containsKey(key.group(1))) {
                        missing.add(key.group(1) + " (" + page.getFileName() + ")");
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void noKeyIsDefinedTwice() throws IOException {
        Set<String> seen = new HashSet<>();
        List<String> twice = new ArrayList<>();
        for (String line : Files.readAllLines(BUNDLE, StandardCharsets.UTF_8)) {
            int equals = line.indexOf('=');
            if (line.isBlank() || line.startsWith("#") || equals < 0) {
                continue;
            }
            String key = line.substring(0, equals).strip();
            if (!seen.add(key)) {
                twice.add(key);
            }
        }
        assertEquals(List.of(), twice);
    }
}
