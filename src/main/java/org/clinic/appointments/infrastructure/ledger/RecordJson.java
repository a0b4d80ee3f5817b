package org.clinic.appointments.infrastructure.ledger;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.ZoneId;
import java.util.List;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.ClinicSchedule;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.HistoryEntry;
import org.clinic.appointments.domain.User;

/**
 * One record as the ledger's JSON text, through the ledger's one mapper: for other stores that keep records in
 * the same form (every field, the earlier system's names and codes), so a record moves between stores unchanged.
 */
public final class RecordJson {

    private final RecordMapper.Mappers mappers;

    public RecordJson(ZoneId clinicZone) {
        this.mappers = RecordMapper.mappers(new JsonCodec.InstantAdapter(clinicZone));
    }

    public String appointment(Appointment appointment) {
        return write(mappers.appointments(), appointment);
    }

    public Appointment appointment(String json) {
        return read(mappers.appointments(), json);
    }

    public String user(User user) {
        return write(mappers.users(), user);
    }

    public User user(String json) {
        return read(mappers.users(), json);
    }

    public String doctor(Doctor doctor) {
        return write(mappers.doctors(), doctor);
    }

    public Doctor doctor(String json) {
        return read(mappers.doctors(), json);
    }

    public String historyEntry(HistoryEntry entry) {
        return write(mappers.history(), entry);
    }

    public HistoryEntry historyEntry(String json) {
        return read(mappers.history(), json);
    }

    public String schedule(ClinicSchedule schedule) {
        return ScheduleJson.toJson(schedule).toString();
    }

    /** The schedule's holidays, plans, leaves and doctors, without the record of its changes. */
    public String scheduleState(ClinicSchedule schedule) {
        return ScheduleJson.toJson(schedule, false).toString();
    }

    public ClinicSchedule schedule(String json) {
        try (var reader = Jsonp.PROVIDER.createReader(new StringReader(json))) {
            return ScheduleJson.fromJson(reader.readObject());
        }
    }

    public String strings(List<String> values) {
        JsonArrayBuilder array = Jsonp.PROVIDER.createArrayBuilder();
        values.forEach(array::add);
        return array.build().toString();
    }

    public List<String> strings(String json) {
        try (var reader = Jsonp.PROVIDER.createReader(new StringReader(json))) {
            return reader.readArray().getValuesAs(jakarta.json.JsonString.class).stream()
                    .map(jakarta.json.JsonString::getString).toList();
        }
    }

    private static <T> String write(RecordMapper<T> mapper, T record) {
        StringWriter text = new StringWriter(512);
        try (JsonGenerator out = Jsonp.PROVIDER.createGenerator(text)) {
            mapper.write(out, null, record, null);
        }
        return text.toString();
    }

    private static <T> T read(RecordMapper<T> mapper, String json) {
        try (JsonParser parser = Jsonp.PROVIDER.createParser(new StringReader(json))) {
            if (parser.next() != JsonParser.Event.START_OBJECT) {
                throw new IllegalArgumentException("a record must be a JSON object");
            }
            return mapper.read(parser);
        }
    }
}
