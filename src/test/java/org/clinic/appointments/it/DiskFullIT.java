package org.clinic.appointments.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.clinic.appointments.domain.AppointmentStatus;
import org.clinic.appointments.infrastructure.ledger.LedgerCore;
import org.junit.jupiter.api.Test;

/**
 * The server's journal cannot grow while it runs (a file-size limit put on the running server JVM with
 * {@code prlimit}, as a full disk would refuse it): changes are refused with a clear message, nothing in memory
 * claims what the disk does not hold, and everything works again once writing is possible.
 */
class DiskFullIT {

    private static final String REFUSED = "Your change could not be saved right now, so it was not made.";

    @Test
    void changesAreRefusedWhileTheJournalCannotGrowAndWorkAgainAfterwards() throws Exception {
        Path data = Deployments.freshDataDirectory("disk-full");
        try (StandaloneServer server = new StandaloneServer(data, 400, "appointments.journal-compact-bytes=1073741824")) {
            server.start();
            WebClient asha = new WebClient(server.url());
            asha.registerAndLogin("Asha Before", null);
            WebClient ravi = new WebClient(server.url());
            ravi.registerAndLogin("Ravi During", null);
            String before = asha.holdFirstFreeSlot("doc1", "Before the disk filled");
            String freeSlotPage = ravi.get("/patient/book?doctor=doc2").body();

            long journal = Files.size(data.resolve("journal.jsonl"));
            limitFileSize(server.jvmPid(), String.valueOf(journal + 40));

            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> ravi.holdFirstFreeSlot("doc2", "While the disk is full"));
            assertTrue(refused.getMessage().contains(REFUSED), refused.getMessage());
            HttpResponse<String> payment = asha.payAtClinic(before);
            assertTrue(payment.statusCode() == 200 && payment.body().contains(REFUSED), "payment refused: " + payment.body());
            assertTrue(asha.get("/patient/appointment?id=" + before).body().contains("Awaiting payment"),
                    "the hold is unchanged");
            assertFalse(ravi.get("/patient/appointments").body().contains("Dr. Amit"), "no booking is claimed");
            assertEquals(journal, Files.size(data.resolve("journal.jsonl")), "no partial line is left in the journal");
            assertEquals(slotsOffered(freeSlotPage), slotsOffered(ravi.get("/patient/book?doctor=doc2").body()),
                    "the refused slot is still offered");

            limitFileSize(server.jvmPid(), "unlimited");
            String during = ravi.holdFirstFreeSlot("doc2", "After space returned");
            assertEquals(302, ravi.payAtClinic(during).statusCode());
            assertEquals(302, asha.payAtClinic(before).statusCode());
            server.kill();

            try (LedgerCore ledger = LedgerCore.open(data, ZoneId.of("Asia/Kolkata"), Clock.systemUTC(), 0)) {
                assertEquals(2, ledger.appointmentCount(), "the two acknowledged bookings, not the refused one");
                assertEquals(AppointmentStatus.CONFIRMED, ledger.appointment(before).orElseThrow().getStatus());
                assertEquals(AppointmentStatus.CONFIRMED, ledger.appointment(during).orElseThrow().getStatus());
            }
            try (Stream<Path> files = Files.list(data)) {
                assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith("journal.jsonl.torn")),
                        "the journal was never left torn");
            }
        }
    }

    private static long slotsOffered(String bookingPage) {
        return bookingPage.split("aria-label=\"\\d\\d:\\d\\d [AP]M\"", -1).length - 1;
    }

    /** Sets the soft limit only: lowering the hard one could not be undone without CAP_SYS_RESOURCE. */
    private static void limitFileSize(long pid, String bytes) throws IOException, InterruptedException {
        Process prlimit = new ProcessBuilder("prlimit", "--pid", String.valueOf(pid), "--fsize=" + bytes + ":")
                .redirectErrorStream(true).start();
        String output = new String(prlimit.getInputStream().readAllBytes());
        assertTrue(prlimit.waitFor(10, TimeUnit.SECONDS) && prlimit.exitValue() == 0, "prlimit: " + output);
    }
}
