package org.clinic.appointments.application;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.FreeText;
import org.clinic.appointments.infrastructure.config.AppConfig;
import org.clinic.appointments.domain.port.AppointmentBook;

/**
 * Suggests specializations, their doctors and possible causes for a symptom, from {@code symptoms.json} in
 * the data directory. Each entry is either a list of specializations (the earlier system's format) or an
 * object with {@code specializations} and {@code causes}. Not a diagnosis, and the page says so.
 */
@ApplicationScoped
public class SymptomChecker {

    public static final String FILE = "symptoms.json";
    public static final String FALLBACK = "General Physician";
    public static final int QUERY_MAX = 200;

    private static final Logger LOG = Logger.getLogger(SymptomChecker.class.getName());

    @Inject
    AppConfig config;

    @Inject
    AppointmentBook book;

    private Map<String, Entry> entries = Map.of();
    private boolean available;

    /** A known symptom with what it points to. */
    public record Entry(String symptom, List<String> specializations, List<String> causes) {
    }

    /** What the checker answers: matched symptoms, recommended specializations with their doctors. */
    public record Advice(String query, List<Entry> matches, Map<String, List<Doctor>> doctorsBySpecialization,
            boolean unknown) {

        public List<Map.Entry<String, List<Doctor>>> getRecommendations() {
            return new ArrayList<>(doctorsBySpecialization.entrySet());
        }
    }

    @PostConstruct
    void load() {
        Path file = Path.of(config.dataDir(), FILE);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                var json = Json.createReader(reader)) {
            entries = parse(json.readObject());
            available = true;
            LOG.info(() -> "Symptom checker: " + entries.size() + " symptoms from " + file);
        } catch (NoSuchFileException e) {
            LOG.warning(() -> "Symptom checker: " + file + " does not exist; every symptom leads to " + FALLBACK);
        } catch (IOException | JsonException | IllegalArgumentException | ClassCastException e) {
            LOG.severe(() -> "Symptom checker: " + file + " cannot be read (" + e.getMessage() + "); every symptom leads to "
                    + FALLBACK);
        }
    }

    static Map<String, Entry> parse(JsonObject root) {
        Map<String, Entry> parsed = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> item : root.entrySet()) {
            String symptom = normalize(item.getKey());
            JsonValue value = item.getValue();
            List<String> specializations;
            List<String> causes = List.of();
            if (value.getValueType() == JsonValue.ValueType.ARRAY) {
                specializations = strings(value.asJsonArray());
            } else {
                JsonObject object = value.asJsonObject();
                specializations = strings(object.getJsonArray("specializations"));
                if (object.containsKey("causes")) {
                    causes = strings(object.getJsonArray("causes"));
                }
            }
            if (symptom.isEmpty() || specializations.isEmpty()) {
                throw new IllegalArgumentException("symptom '" + item.getKey() + "' has no specializations");
            }
            parsed.put(symptom, new Entry(item.getKey(), specializations, causes));
        }
        return parsed;
    }

    private static List<String> strings(JsonArray array) {
        if (array == null) {
            throw new IllegalArgumentException("a list of texts is missing");
        }
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    public boolean isAvailable() {
        return available;
    }

    /** Known symptoms, for suggestions as the patient types. */
    public List<String> symptoms() {
        return entries.values().stream().map(Entry::symptom).toList();
    }

    public Advice check(String query) {
        String text = query == null ? "" : query.strip();
        if (FreeText.lineProblem(text, QUERY_MAX).isPresent()) {
            throw new IllegalArgumentException("A symptom must be checked against FreeText's rules before it is asked");
        }
        List<Entry> matches = matches(normalize(text));
        Set<String> specializations = new LinkedHashSet<>();
        matches.forEach(m -> specializations.addAll(m.specializations()));
        boolean unknown = specializations.isEmpty();
        if (unknown) {
            specializations.add(FALLBACK);
        }
        Map<String, List<Doctor>> doctors = new LinkedHashMap<>();
        var schedule = book.schedule();
        List<Doctor> all = book.doctors().stream().filter(d -> schedule.isActive(d.getId())).toList();
        for (String specialization : specializations) {
            doctors.put(specialization, all.stream()
                    .filter(d -> specialization.equalsIgnoreCase(d.getSpecialization())).toList());
        }
        return new Advice(text, matches, doctors, unknown);
    }

    /** A symptom matches when all its words are in the text, or when the text is the start of its name. */
    List<Entry> matches(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        Set<String> words = new java.util.HashSet<>(List.of(text.split(" ")));
        List<Entry> found = new ArrayList<>();
        entries.forEach((symptom, entry) -> {
            boolean allWords = words.containsAll(List.of(symptom.split(" ")));
            boolean prefix = text.length() >= 3 && (symptom.startsWith(text) || symptom.contains(" " + text));
            if (allWords || prefix) {
                found.add(entry);
            }
        });
        return found;
    }
}
