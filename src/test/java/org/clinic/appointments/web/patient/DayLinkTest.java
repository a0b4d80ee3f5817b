package org.clinic.appointments.web.patient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.Locale;

import org.clinic.appointments.application.Badge;
import org.clinic.appointments.application.DayAvailability;
import org.junit.jupiter.api.Test;

class DayLinkTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 3);
    private static final DayAvailability FREE = new DayAvailability(DAY, 2, 6, 8, Badge.AVAILABLE);
    private static final DayAvailability FULL = new DayAvailability(DAY, 8, 0, 8, Badge.FULL);
    private static final DayAvailability OFF = new DayAvailability(DAY, 0, 0, 0, Badge.NOT_AVAILABLE);

    private static DayLink booking(DayAvailability day, LocalDate chosen) {
        return DayLink.of(day, chosen, false, "/patient/book", "doctor", "doc1", Locale.ENGLISH);
    }

    private static DayLink moving(DayAvailability day) {
        return DayLink.of(day, null, true, "/patient/book", "reschedule", "a b&c", Locale.ENGLISH);
    }

    @Test
    void aDayWithFreeSlotsLinksToItsSlotsAndShowsItsLabels() {
        DayLink link = booking(FREE, null);
        assertEquals("/patient/book?doctor=doc1&date=2026-12-03", link.getHref());
        assertEquals("day", link.getStyleClass());
        assertEquals("false", link.getAriaCurrent());
        assertEquals("Thu", link.getWeekday());
        assertEquals("3 Dec", link.getLabel());
        assertEquals("available", link.getBadge());
        assertEquals("2026-12-03", link.getIso());
    }

    @Test
    void theChosenDayIsMarkedForEyesAndScreenReaders() {
        DayLink link = booking(FREE, DAY);
        assertEquals("day selected", link.getStyleClass());
        assertEquals("date", link.getAriaCurrent());
    }

    @Test
    void aFullWorkingDayStaysALinkToItsWaitlistExceptWhenMovingAnAppointment() {
        assertEquals("day full", booking(FULL, null).getStyleClass());
        assertEquals("/patient/book?doctor=doc1&date=2026-12-03", booking(FULL, null).getHref());
        assertNull(moving(FULL).getHref());
        assertEquals("day disabled", moving(FULL).getStyleClass());
    }

    @Test
    void aDayOffCannotBeChosen() {
        assertNull(booking(OFF, null).getHref());
        assertEquals("day disabled", booking(OFF, null).getStyleClass());
    }

    @Test
    void whileMovingTheLinkKeepsTheAppointmentEncoded() {
        assertEquals("/patient/book?reschedule=a+b%26c&date=2026-12-03", moving(FREE).getHref());
    }
}
