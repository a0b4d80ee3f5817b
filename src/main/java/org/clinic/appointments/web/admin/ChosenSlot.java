package org.clinic.appointments.web.admin;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/** A doctor's slot chosen on the timetable and carried in the front desk's address until the patient is chosen. */
public final class ChosenSlot implements Serializable {

    private static final long serialVersionUID = 1L;

    private String doctor;
    private String date;
    private String time;

    /** Whether all three parts were given and read. */
    public boolean isGiven() {
        return doctor != null && date != null && time != null;
    }

    public LocalDate date() {
        return LocalDate.parse(date);
    }

    /** {@code &doctor=…&date=…&time=…} to add to an address, or nothing when no slot was chosen. */
    public String asParameters() {
        return isGiven() ? "&doctor=" + encode(doctor) + "&date=" + encode(date) + "&time=" + encode(time) : "";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public String getDoctor() {
        return doctor;
    }

    public void setDoctor(String doctor) {
        this.doctor = doctor;
    }

    public String getDate() {
        return date;
    }

    public void setDate(String date) {
        this.date = date;
    }

    public String getTime() {
        return time;
    }

    public void setTime(String time) {
        this.time = time;
    }
}
