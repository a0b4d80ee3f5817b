package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.StringJoiner;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Two patients after one slot, and the limits on holds. Holds last 60 s here (long enough for the limit test on a slow
 * machine); {@link HoldExpiryBrowserIT} lets one run out.
 */
@RunAsClient
class SlotContentionBrowserIT extends PatientBrowserTestBase {

    private static final LocalDate FULLISH_DAY = inDays(5);
    private static final List<String> TAKEN = List.of("09:00 AM", "10:00 AM", "11:00 AM", "12:00 PM", "02:00 PM",
            "03:00 PM", "04:00 PM");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app("contention", false, SlotContentionBrowserIT::sevenOfEightTaken,
                "appointments.payment-success-rate=1.0", "appointments.hold-expiry=PT60S",
                "appointments.hold-sweep-seconds=1", "appointments.max-open-holds=2");
    }

    /** Dr. Arun Kapoor (doc8) has seven of his eight slots confirmed on one day: only 05:00 PM is left. */
    private static void sevenOfEightTaken(Path dataDir) {
        StringJoiner records = new StringJoiner(",\n", "[\n", "\n]\n");
        int n = 0;
        for (String time : TAKEN) {
            n++;
            records.add("""
                    {"id": "seed-%d", "user_id": "seed-patient-%d", "user_email": "seed%d@example.com",
                     "user_name": "Seed Patient %d", "doctor_id": "doc8", "doctor_name": "Dr. Arun Kapoor",
                     "date": "%s", "time": "%s", "reason": "Follow-up", "status": "confirmed",
                     "booked_at": "2026-01-01T10:00:00", "payment_status": "Success", "payment_method": "UPI",
                     "transaction_id": "TXNSEED%d"}""".formatted(n, n, n, n, FULLISH_DAY, time, n));
        }
        try {
            Files.writeString(dataDir.resolve("appointments.json"), records.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void twoPatientsRaceForTheLastSlotOfADayAndOneGetsIt() throws IOException {
        WebDriver second = newBrowser();
        try {
            registerAndLogin("First Patient");
            openBooking("doc8");
            assertTrue(browser().findElement(By.cssSelector("[data-date='" + FULLISH_DAY + "'] .badge")).getText()
                    .contains("Almost full"), "seven of eight taken is almost full");
            chooseDate(FULLISH_DAY);
            chooseSlot("05:00 PM");
            type("bookForm:reason", "Anxiety");

            use(second);
            registerAndLogin("Second Patient");
            openBooking("doc8");
            chooseDate(FULLISH_DAY);
            assertTrue(slotOffered("05:00 PM"), "both see the last slot free");
            chooseSlot("05:00 PM");
            type("bookForm:reason", "Stress at work");

            use(null);
            clickAndWait("bookForm:submit");
            assertEquals("/patient/pay", path(), "the first to submit holds the slot: " + messages());

            use(second);
            clickAndWait("bookForm:submit");
            assertEquals("/patient/book", path(), "the second stays on the booking page");
            assertTrue(messages().contains("This slot was just taken"), messages());
            assertFalse(slotOffered("05:00 PM"), "the day's slots are refreshed");
            assertTrue(browser().findElement(By.cssSelector("[data-date='" + FULLISH_DAY + "']")).getText()
                    .contains("Full"), "and the day is full now");
        } finally {
            use(null);
            second.quit();
        }
    }

    @Test
    void aPatientCannotHoldTwoSlotsAtOnceTimeNorMoreThanTheLimit() {
        registerAndLogin("Busy Patient");
        LocalDate day = inDays(12);
        hold("doc2", day, "09:00 AM", "Knee");

        openBooking("doc3");
        chooseDate(day);
        chooseSlot("09:00 AM");
        type("bookForm:reason", "Rash");
        clickAndWait("bookForm:submit");
        assertEquals("/patient/book", path());
        assertTrue(messages().contains("already have an appointment"), messages());

        hold("doc3", day, "10:00 AM", "Rash");
        openBooking("doc4");
        chooseDate(day);
        chooseSlot("11:00 AM");
        type("bookForm:reason", "Vaccination");
        clickAndWait("bookForm:submit");
        assertEquals("/patient/book", path());
        assertTrue(messages().contains("already hold 2 unpaid slots"), messages());
    }
}
