package org.clinic.appointments.infrastructure.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.tools.LedgerGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger's one mapper reads what JSON-B reads, member for member, and writes back every declared field. */
class RecordMapperTest {

    private static final Type LIST = new ArrayList<Appointment>() { }.getClass().getGenericSuperclass();
    private static final String EVERY_FIELD = """
            [{"id": "a1", "user_id": "u1", "user_email": "asha@example.com", "user_name": "Asha \\"A\\" Rao",
              "doctor_id": "doc1", "doctor_name": "Dr. X", "date": "2026-12-01", "time": "09:00 AM",
              "reason": "Chest pain\\nsince Monday", "status": "confirmed", "booked_at": "2026-11-20T10:00:00Z",
              "hold_expires_at": "2026-11-20 15:45:00", "payment_status": "Refunded", "payment_method": "Card",
              "payment_provider": "MockPay", "card_brand": "Visa", "card_last4": "4242", "amount": 500.50,
              "transaction_id": "TXN1", "paid_at": "2026-11-20T10:01:00.123456", "cancelled_at": null,
              "no_show_at": "2026-12-01T04:00:00Z", "refunded_at": "2026-12-02T04:00:00Z",
              "history": [{"at": "2026-11-20T10:00:00Z", "actor": "u1", "action": "booked", "to_status": "pending_payment"},
                          {"at": "2026-11-20T10:01:00Z", "actor": "u1", "action": "paid", "from_status": "pending_payment",
                           "to_status": "confirmed", "from_payment": null, "to_payment": "Success", "note": "UPI ✓"}],
              "other_fields": {"legacy_fee": 800, "tags": ["a", {"b": true}]}},
             {"id": "a2", "user_id": "u2", "doctor_id": "doc2", "date": "2026-12-02", "time": "10:00 AM",
              "status": "pending_payment", "history": null}]
            """;

    @TempDir
    Path dir;

    private final JsonCodec codec = new JsonCodec(ZoneId.of("Asia/Kolkata"));

    private final RecordMapper.Mappers mappers = RecordMapper.mappers(codec.instants());

    private List<Appointment> read(Path file) throws IOException {
        List<Appointment> read = new ArrayList<>();
        Snapshots.read(file, mappers.appointments(), read::add);
        return read;
    }

    private void assertSameAsJsonB(Path file) throws IOException {
        List<Appointment> bound;
        try (var in = Files.newInputStream(file)) {
            bound = codec.compact().fromJson(in, LIST);
        }
        List<Appointment> streamed = read(file);
        assertEquals(bound.size(), streamed.size());
        for (int i = 0; i < bound.size(); i++) {
            Appointment expected = bound.get(i);
            assertEquals(codec.compact().toJson(expected), codec.compact().toJson(streamed.get(i)), "record " + i);
        }
    }

    @Test
    void everyFieldReadsAsJsonBReadsIt() throws IOException {
        Path file = dir.resolve("appointments.json");
        Files.writeString(file, EVERY_FIELD);
        assertSameAsJsonB(file);
        Appointment first = read(file).get(0);
        assertEquals(List.of("legacy_fee", "tags"), List.copyOf(first.getOtherFields().keySet()));
    }

    @Test
    void generatedLedgerReadsAsJsonBReadsIt() throws IOException {
        LedgerGenerator.main(new String[] {dir.toString(), "3000",
            Path.of(System.getProperty("project.data.dir", "data"), "doctors.json").toString()});
        assertSameAsJsonB(dir.resolve("appointments.json"));
    }

    @Test
    void membersWeDoNotKnowAreKeptAsTheyWere() throws IOException {
        Path file = dir.resolve("appointments.json");
        Files.writeString(file, """
                [{"id": "a1", "user_id": "u1", "doctor_id": "doc1", "date": "2026-12-01", "time": "09:00 AM",
                  "status": "confirmed", "consultation_fee": 800, "referral": null, "flags": [1, "x"]}]
                """);
        Appointment a = read(file).get(0);
        assertEquals(new java.math.BigDecimal("800"), a.getOtherFields().get("consultation_fee"));
        assertTrue(a.getOtherFields().containsKey("referral"));
        assertEquals(List.of(new java.math.BigDecimal("1"), "x"), a.getOtherFields().get("flags"));
    }

    @Test
    void aBadValueIsNamedWithItsLine() throws IOException {
        Path file = dir.resolve("appointments.json");
        Files.writeString(file, """
                [{"id": "a1", "user_id": "u1", "doctor_id": "doc1", "date": "2026-12-01", "time": "09:00 AM",
                  "status": "confirmed"},
                 {"id": "a2", "user_id": "u1", "doctor_id": "doc1", "date": "2026-13-45", "time": "09:00 AM",
                  "status": "confirmed"}]
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read(file));
        assertTrue(e.getMessage().startsWith("line 3:"), e.getMessage());
        Files.writeString(file, "[{\"id\": \"a1\", \"status\": \"maybe\"}]");
        assertThrows(IllegalArgumentException.class, () -> read(file));
    }
}
