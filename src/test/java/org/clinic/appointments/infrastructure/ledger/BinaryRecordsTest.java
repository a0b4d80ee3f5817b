package org.clinic.appointments.infrastructure.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.AppointmentStatus;
import org.junit.jupiter.api.Test;

/**
 * The start-up cache reads each text a field repeats as one shared copy, also past 65,536 values (a large clinic's
 * patients), since start-up no longer shares them again; texts that never repeat (ids) are read back as written.
 */
class BinaryRecordsTest {

    private static final int PATIENTS = 80_000;

    @Test
    void aPatientsAppointmentsShareOneCopyOfTheirDetailsPastSixtyFiveThousandPatients() throws IOException {
        BinaryRecords.Forms forms = BinaryRecords.forms(RecordMapper.mappers(new JsonCodec(ZoneId.of("Asia/Kolkata"))
                .instants()));
        List<Integer> patients = new ArrayList<>();
        for (int p = 0; p < PATIENTS; p++) {
            patients.addAll(List.of(p, p, p));
        }
        Collections.shuffle(patients, new Random(42));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(bytes);
        BinaryRecords.Output out = new BinaryRecords.Output(data);
        for (int i = 0; i < patients.size(); i++) {
            forms.appointments().write(out, appointment(i, patients.get(i)));
        }
        data.flush();

        BinaryRecords.Input in = new BinaryRecords.Input(ByteBuffer.wrap(bytes.toByteArray()));
        Map<String, Appointment> firstOfPatient = new HashMap<>();
        for (int i = 0; i < patients.size(); i++) {
            Appointment read = forms.appointments().read(in);
            Appointment written = appointment(i, patients.get(i));
            assertEquals(written.getId(), read.getId());
            assertEquals(written.getUserId(), read.getUserId());
            assertEquals(written.getUserName(), read.getUserName());
            assertEquals(written.getUserEmail(), read.getUserEmail());
            Appointment first = firstOfPatient.putIfAbsent(read.getUserId(), read);
            if (first != null) {
                assertSame(first.getUserId(), read.getUserId(), read.getId());
                assertSame(first.getUserName(), read.getUserName(), read.getId());
                assertSame(first.getUserEmail(), read.getUserEmail(), read.getId());
            }
        }
        assertEquals(PATIENTS, firstOfPatient.size());
    }

    private static Appointment appointment(int number, int patient) {
        Appointment a = new Appointment();
        a.setId("appointment-" + number);
        a.setUserId("patient-" + patient);
        a.setUserName("Patient " + patient);
        a.setUserEmail("patient" + patient + "@example.com");
        a.setDoctorId("doc1");
        a.setDoctorName("Dr. One");
        a.setDate(LocalDate.of(2026, 12, 7).plusDays(number % 30));
        a.setTime("09:00 AM");
        a.setStatus(AppointmentStatus.CONFIRMED);
        return a;
    }
}
