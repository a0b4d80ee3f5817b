package org.clinic.appointments.infrastructure.ledger;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.HistoryEntry;
import org.clinic.appointments.domain.ClinicSchedule;
import org.clinic.appointments.domain.ScheduleChange;
import org.clinic.appointments.domain.User;

/**
 * A journal line as JSON: {@code seq}, {@code at}, {@code actor}, {@code type}, the record under {@code user} or
 * {@code appointment}, and {@code history_added}; or the schedule under {@code schedule}, without its changes when
 * {@code schedule_changes_added} holds those this change recorded after the first {@code schedule_changes_known}.
 * Records go through the ledger's one mapper.
 */
final class JournalLines {

    static final String HISTORY = "history";
    private static final String HISTORY_ADDED = "history_added";
    private static final String SCHEDULE = "schedule";
    private static final String SCHEDULE_CHANGES_KNOWN = "schedule_changes_known";
    private static final String SCHEDULE_CHANGES_ADDED = "schedule_changes_added";
    private static final String DOCTOR = "doctor";
    private static final String SPECIALIZATIONS = "specializations";

    private final RecordMapper.Mappers mappers;
    private final JsonCodec.InstantAdapter instants;

    JournalLines(RecordMapper.Mappers mappers, JsonCodec.InstantAdapter instants) {
        this.mappers = mappers;
        this.instants = instants;
    }

    /** The line in UTF-8 with its newline; a broken character (half a surrogate pair) fails instead of becoming "?". */
    byte[] encode(JournalEntry entry) throws CharacterCodingException {
        StringWriter text = new StringWriter(512);
        try (JsonGenerator out = Jsonp.PROVIDER.createGenerator(text)) {
            out.writeStartObject()
                    .write("seq", entry.seq())
                    .write("at", entry.at().toString())
                    .write("actor", entry.actor())
                    .write("type", entry.type());
            if (entry.user() != null) {
                mappers.users().write(out, "user", entry.user(), null);
            }
            if (entry.appointment() != null) {
                mappers.appointments().write(out, "appointment", entry.appointment(), entry.isDelta() ? HISTORY : null);
            }
            if (entry.isDelta()) {
                mappers.history().writeList(out, HISTORY_ADDED, entry.historyAdded());
            }
            if (entry.schedule() != null) {
                boolean delta = entry.scheduleChangesAdded() != null;
                out.write(SCHEDULE, ScheduleJson.toJson(entry.schedule(), !delta));
                if (delta) {
                    out.write(SCHEDULE_CHANGES_KNOWN, entry.scheduleChangesAdded().known());
                    out.write(SCHEDULE_CHANGES_ADDED, ScheduleJson.changes(entry.scheduleChangesAdded().added()));
                }
            }
            if (entry.doctor() != null) {
                mappers.doctors().write(out, DOCTOR, entry.doctor(), null);
            }
            if (entry.specializations() != null) {
                out.writeStartArray(SPECIALIZATIONS);
                entry.specializations().forEach(out::write);
                out.writeEnd();
            }
            out.writeEnd();
        }
        text.append('\n');
        ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .encode(CharBuffer.wrap(text.getBuffer()));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return bytes;
    }

    /** The entry on this line; {@link IllegalArgumentException} or a JSON exception when it is not one. */
    JournalEntry decode(String line) {
        long seq = 0;
        Instant at = null;
        String actor = null;
        String type = null;
        User user = null;
        Appointment appointment = null;
        List<HistoryEntry> added = null;
        ClinicSchedule schedule = null;
        List<ScheduleChange> scheduleAdded = null;
        int scheduleKnown = -1;
        Doctor doctor = null;
        List<String> specializations = null;
        try (JsonParser parser = Jsonp.PROVIDER.createParser(new StringReader(line))) {
            if (parser.next() != Event.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            while (parser.next() == Event.KEY_NAME) {
                switch (parser.getString()) {
                    case "seq" -> seq = Long.parseLong(JsonValues.text(parser));
                    case "at" -> at = instants.adaptFromJson(JsonValues.text(parser));
                    case "actor" -> actor = JsonValues.text(parser);
                    case "type" -> type = JsonValues.text(parser);
                    case "user" -> user = object(parser) ? mappers.users().read(parser) : null;
                    case "appointment" -> appointment = object(parser) ? mappers.appointments().read(parser) : null;
                    case HISTORY_ADDED -> added = mappers.history().readList(parser);
                    case SCHEDULE -> {
                        parser.next();
                        schedule = ScheduleJson.fromJson(parser.getObject());
                    }
                    case SCHEDULE_CHANGES_KNOWN -> scheduleKnown = Integer.parseInt(JsonValues.text(parser));
                    case SCHEDULE_CHANGES_ADDED -> {
                        parser.next();
                        scheduleAdded = ScheduleJson.changes(parser.getArray());
                    }
                    case DOCTOR -> doctor = object(parser) ? mappers.doctors().read(parser) : null;
                    case SPECIALIZATIONS -> {
                        parser.next();
                        specializations = parser.getArray().getValuesAs(jakarta.json.JsonString::getString);
                    }
                    default -> {
                        parser.next();
                        parser.getValue();
                    }
                }
            }
            if (parser.hasNext()) {
                throw new IllegalArgumentException("more than one JSON value on the line");
            }
        }
        if (seq <= 0 || (user == null && appointment == null && schedule == null && doctor == null
                && specializations == null)) {
            throw new IllegalArgumentException("not a journal entry");
        }
        return new JournalEntry(seq, at, actor, type, user, appointment, appointment == null ? null : added, schedule,
                scheduleChangesAdded(schedule, scheduleKnown, scheduleAdded), doctor, specializations);
    }

    private static JournalEntry.ScheduleChangesAdded scheduleChangesAdded(ClinicSchedule schedule, int known,
            List<ScheduleChange> added) {
        if (schedule == null || (added == null && known < 0)) {
            return null;
        }
        if (added == null || known < 0) {
            throw new IllegalArgumentException("a schedule's added changes without the number known before them");
        }
        return new JournalEntry.ScheduleChangesAdded(known, added);
    }

    private static boolean object(JsonParser parser) {
        Event event = parser.next();
        if (event == Event.VALUE_NULL) {
            return false;
        }
        if (event != Event.START_OBJECT) {
            throw new IllegalArgumentException("a record must be a JSON object");
        }
        return true;
    }
}
