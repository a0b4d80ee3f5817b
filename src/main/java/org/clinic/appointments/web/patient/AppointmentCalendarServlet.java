package org.clinic.appointments.web.patient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.clinic.appointments.application.AppointmentCalendar;
import org.clinic.appointments.application.AppointmentNotFoundException;
import org.clinic.appointments.application.BookingService;
import org.clinic.appointments.application.DoctorDirectory;
import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.infrastructure.config.AppConfig;

/** Downloads one of the patient's confirmed appointments as an {@code .ics} file. */
@WebServlet("/patient/appointment.ics")
public class AppointmentCalendarServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    BookingService booking;

    @Inject
    DoctorDirectory directory;

    @Inject
    AppConfig config;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Appointment appointment;
        try {
            appointment = booking.find(request.getParameter("id"));
        } catch (AppointmentNotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (!appointment.getStatus().isBooked()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String ics = AppointmentCalendar.ics(appointment, directory.find(appointment.getDoctorId()).orElse(null),
                config.rules(), config.visitLength());
        byte[] body = ics.getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/calendar; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"appointment-" + appointment.getDate() + ".ics\"");
        response.setHeader("Cache-Control", "private, no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
