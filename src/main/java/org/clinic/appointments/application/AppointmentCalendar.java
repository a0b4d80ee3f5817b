package org.clinic.appointments.application;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.ClinicRules;
import org.clinic.appointments.domain.Doctor;

/** An appointment as an iCalendar file (RFC 5545), times in UTC so every calendar app places it right. */
public final class AppointmentCalendar {

    static final int REMINDER_HOURS = 2;

    public static final String PRODUCT = "-//Healthcare Plus//Appointments//EN";

    private AppointmentCalendar() {
    }

    public static String ics(Appointment appointment, Doctor doctor, ClinicRules rules, Duration visitLength) {
        return ics(appointment, doctor, rules, visitLength, false);
    }

    /** With {@code reminder}, the event carries an alarm {@value #REMINDER_HOURS} hours before it starts. */
    public static String ics(Appointment appointment, Doctor doctor, ClinicRules rules, Duration visitLength,
            boolean reminder) {
        Instant start = rules.startOf(appointment);
        VEvent event = new VEvent(start, start.plus(visitLength), "Appointment with " + appointment.getDoctorName());
        event.add(new Uid(appointment.getId() + "@appointments"));
        if (doctor != null && doctor.getLocation() != null) {
            event.add(new Location(doctor.getLocation()));
        }
        event.add(new Description(description(appointment, doctor)));
        if (reminder) {
            net.fortuna.ical4j.model.component.VAlarm alarm =
                    new net.fortuna.ical4j.model.component.VAlarm(Duration.ofHours(-REMINDER_HOURS));
            alarm.add(net.fortuna.ical4j.model.property.immutable.ImmutableAction.DISPLAY);
            alarm.add(new Description("Appointment with " + appointment.getDoctorName()));
            event.add(alarm);
        }
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(event);
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String description(Appointment a, Doctor doctor) {
        StringBuilder text = new StringBuilder()
                .append(a.getDoctorName());
        if (doctor != null && doctor.getSpecialization() != null) {
            text.append(" (").append(doctor.getSpecialization()).append(')');
        }
        text.append("\nReason: ").append(a.getReason() == null ? "" : a.getReason())
                .append("\nBooking: ").append(a.getId());
        if (a.getTransactionId() != null) {
            text.append("\nTransaction: ").append(a.getTransactionId());
        }
        return text.toString();
    }
}
