package org.clinic.appointments.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class DoctorTest {

    private static final Instant AT = Instant.parse("2026-12-02T06:00:00Z");

    private static Doctor details(String name, String phone, String fee) {
        Doctor d = new Doctor();
        d.setName(name);
        d.setSpecialization("Cardiologist");
        d.setPhone(phone);
        d.setFee(fee == null ? null : new BigDecimal(fee));
        return d;
    }

    @Test
    void anEditRecordsWhoWhenAndEachChangedFieldFromAndTo() {
        Doctor added = Doctor.added("dr-1", details("Dr. Kavya Iyer", "+91 98111 22233", null), AT, "admin-1");
        Doctor edited = added.edited(details("Dr. Kavya R. Iyer", "+91 98111 22233", "750"), AT.plusSeconds(5), "admin-2");

        List<DoctorChange> history = edited.getHistory();
        assertEquals(3, history.size(), "added, then name and fee");
        assertEquals("doctor.added", history.get(0).getAction());
        DoctorChange name = history.get(1);
        assertEquals("name", name.getField());
        assertEquals("Dr. Kavya Iyer", name.getFromValue());
        assertEquals("Dr. Kavya R. Iyer", name.getToValue());
        assertEquals("admin-2", name.getActor());
        assertEquals(AT.plusSeconds(5), name.getAt());
        DoctorChange fee = history.get(2);
        assertEquals("fee", fee.getField());
        assertNull(fee.getFromValue());
        assertEquals("750", fee.getToValue());
        assertEquals("Dr. Kavya Iyer", added.getName(), "the stored record is not changed in place");
    }

    @Test
    void theSameFeeWrittenDifferentlyAndBlankTextAreNoChange() {
        Doctor stored = Doctor.added("dr-1", details("Dr. A", null, "750"), AT, "admin-1");
        assertTrue(stored.changedBy(details("Dr. A", "  ", "750.00")).isEmpty());
    }

    @Test
    void aPatientsNewTimeAfterALeaveIsWithTheSameDoctorOrOneOfTheSameSpecialization() {
        Doctor own = Doctor.added("dr-1", details("Dr. A", null, null), AT, "admin-1");
        Doctor colleague = Doctor.added("dr-2", details("Dr. B", null, null), AT, "admin-1");
        Doctor other = Doctor.added("dr-3", details("Dr. C", null, null), AT, "admin-1");
        other.setSpecialization("Neurologist");
        assertTrue(own.mayStandInFor(own));
        assertTrue(colleague.mayStandInFor(own));
        assertFalse(other.mayStandInFor(own), "another specialization");
        own.setSpecialization(null);
        assertFalse(colleague.mayStandInFor(own), "none to match");
        assertTrue(own.mayStandInFor(own), "the doctor themselves, whatever their specialization");
        assertFalse(own.mayStandInFor(null), "a doctor no longer on record");
    }

    @Test
    void theFeeIsTheDoctorsOwnElseTheClinics() {
        BigDecimal clinic = new BigDecimal("500");
        assertEquals(clinic, details("Dr. A", null, null).feeOr(clinic));
        assertEquals(new BigDecimal("900"), details("Dr. A", null, "900").feeOr(clinic));
    }

    @Test
    void aPhotoChangeIsInTheHistory() {
        Doctor stored = Doctor.added("dr-1", details("Dr. A", null, null), AT, "admin-1");
        Doctor withPhoto = stored.withPhoto("abc.png", AT, "admin-1");
        assertEquals("abc.png", withPhoto.getPhoto());
        DoctorChange change = withPhoto.getHistory().get(1);
        assertEquals("doctor.photo_changed", change.getAction());
        assertEquals("abc.png", change.getToValue());
        assertNull(stored.getPhoto());
    }
}
