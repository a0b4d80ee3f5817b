package org.clinic.appointments.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;

/** The symptom file's two formats and how typed symptoms are matched. */
class SymptomCheckerTest {

    private static SymptomChecker checker(String json) {
        SymptomChecker checker = new SymptomChecker();
        var entries = SymptomChecker.parse(Json.createReader(new StringReader(json)).readObject());
        try {
            var field = SymptomChecker.class.getDeclaredField("entries");
            field.setAccessible(true);
            field.set(checker, entries);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return checker;
    }

    private static final String FILE = """
            {"knee pain": {"specializations": ["Orthopedic Surgeon"], "causes": ["Ligament injury"]},
             "headache": ["Neurologist", "General Physician"],
             "child fever": ["Pediatrician"], "fever": ["General Physician", "Pediatrician"]}
            """;

    private static List<String> matched(SymptomChecker checker, String text) {
        return checker.matches(SymptomChecker.normalize(text)).stream().map(SymptomChecker.Entry::symptom).toList();
    }

    @Test
    void bothFileFormatsAreRead() {
        Map<String, SymptomChecker.Entry> entries = SymptomChecker.parse(
                Json.createReader(new StringReader(FILE)).readObject());
        assertEquals(List.of("Ligament injury"), entries.get("knee pain").causes());
        assertEquals(List.of("Neurologist", "General Physician"), entries.get("headache").specializations());
        assertTrue(entries.get("headache").causes().isEmpty());
    }

    @Test
    void aSymptomWithoutSpecializationsIsABadFile() {
        assertThrows(IllegalArgumentException.class, () -> SymptomChecker.parse(
                Json.createReader(new StringReader("{\"cough\": []}")).readObject()));
    }

    @Test
    void matchesWholePhrasesWordsInAnyOrderAndBeginnings() {
        SymptomChecker checker = checker(FILE);
        assertEquals(List.of("knee pain"), matched(checker, "Knee PAIN"));
        assertEquals(List.of("knee pain"), matched(checker, "pain in my left knee since Monday"));
        assertEquals(List.of("headache"), matched(checker, "head"));
        assertEquals(List.of("child fever", "fever"), matched(checker, "fever"));
        assertEquals(List.of(), matched(checker, "toothache"));
        assertEquals(List.of(), matched(checker, "<script>alert(1)</script>"));
        assertEquals(List.of(), matched(checker, ""));
    }
}
