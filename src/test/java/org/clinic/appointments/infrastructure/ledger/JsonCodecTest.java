package org.clinic.appointments.infrastructure.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonCodecTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-24T06:00:00Z", "2026-11-24T06:00:00.1Z", "2026-11-24T06:00:00.123Z",
        "2026-11-24T06:00:00.123456Z", "2026-11-24T23:59:59.999999999Z", "1970-01-01T00:00:00Z", "2024-02-29T12:00:00Z",
        "0001-01-01T00:00:00Z"})
    void theFormWeWriteReadsAsInstantParseReadsIt(String text) {
        assertEquals(Instant.parse(text), JsonCodec.parseUtc(text));
        assertEquals(Instant.parse(text), new JsonCodec.InstantAdapter(ZoneId.of("Asia/Kolkata")).adaptFromJson(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-24T06:00:00+05:30", "2026-11-24 06:00:00", "2026-11-24T06:00:00", "2026-02-30T06:00:00Z",
        "2026-13-01T06:00:00Z", "2026-11-24T24:00:00Z", "2026-11-24T06:00:00.Z", "2026-11-24T06:00:00.1234567890Z",
        "2026-11-24T06:0a:00Z", "+2026-11-24T06:00:00Z", "2026-11-24T06:00:00,5Z"})
    void anyOtherFormIsLeftToTheFullParser(String text) {
        assertNull(JsonCodec.parseUtc(text));
    }
}
