package org.clinic.appointments.infrastructure.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.AppointmentQuery;

/** One patient's appointment ids in booking order, and the text the admin search matches for their rows. */
final class PatientRows {

    final List<String> ids;
    private String name;
    private String email;
    private String searchKey;

    PatientRows() {
        this(10);
    }

    PatientRows(int capacity) {
        ids = new ArrayList<>(capacity);
    }

    /** {@link AppointmentQuery#patientKey} of the appointment's patient, built again only when it differs. */
    String searchKey(Appointment a) {
        if (searchKey == null || !Objects.equals(name, a.getUserName()) || !Objects.equals(email, a.getUserEmail())) {
            name = a.getUserName();
            email = a.getUserEmail();
            searchKey = AppointmentQuery.patientKey(name, email);
        }
        return searchKey;
    }
}
