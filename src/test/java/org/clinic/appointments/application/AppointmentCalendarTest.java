package org.clinic.appointments.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.ClinicRules;
import org.clinic.appointments.domain.Doctor;
import org.clinic.appointments.domain.User;
import org.junit.jupiter.api.Test;

/** The .ics file is valid iCalendar that puts the visit at the right instant. */
class AppointmentCalendarTest {

    @Test
    void theEventStartsAtTheSlotInTheClinicZone() throws Exception {
        ZoneId zone = ZoneId.of("Asia/Kolkata");
        ClinicRules rules = new ClinicRules(zone, List.of("10:00 AM"), 30, Duration.ofMinutes(15), Duration.ofHours(24), 3);
        User patient = new User();
        patient.setId("p1");
        Doctor doctor = new Doctor();
        doctor.setId("doc1");
        doctor.setName("Dr. Meera Kulkarni");
        doctor.setSpecialization("Dermatologist");
        doctor.setLocation("Fortis Hospital, Bangalore");
        Appointment a = Appointment.hold("abc-123", patient, doctor, LocalDate.of(2026, 12, 1), "10:00 AM",
                "Rash, itching; \"urgent\"", Instant.now(), Instant.now());

        String ics = AppointmentCalendar.ics(a, doctor, rules, Duration.ofMinutes(30));

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        VEvent event = calendar.getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
        assertTrue(ics.contains("DTSTART:20261201T043000Z"), ics);
        assertTrue(ics.contains("DTEND:20261201T050000Z"), ics);
        assertEquals("abc-123@appointments", event.getUid().orElseThrow().getValue());
        assertEquals("Fortis Hospital, Bangalore", event.getLocation().getValue());
        assertTrue(event.getDescription().getValue().contains("Rash, itching; \"urgent\""));
    }
}
