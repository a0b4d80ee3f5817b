package org.clinic.appointments.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

import org.clinic.appointments.MutableClock;
import org.junit.jupiter.api.Test;

class FairLineTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T03:30:00Z"));
    private final FairLine line = new FairLine(2, Duration.ofSeconds(6), clock);

    private FairLine.Waiting waits(Long ticket) {
        return assertInstanceOf(FairLine.Waiting.class, line.arrive(ticket));
    }

    @Test
    void beyondTheLimitABurstGetsPlacesInArrivalOrderAndEachIsLetInWhenItsTurnComes() {
        assertInstanceOf(FairLine.Admitted.class, line.arrive(null));
        assertInstanceOf(FairLine.Admitted.class, line.arrive(null));
        FairLine.Waiting c = waits(null);
        FairLine.Waiting d = waits(null);
        FairLine.Waiting e = waits(null);
        assertEquals(1, c.place());
        assertEquals(2, d.place());
        assertEquals(3, e.place());

        line.done();
        assertEquals(3, waits(e.ticket()).place(), "E asking first does not pass D or C");
        assertEquals(2, waits(d.ticket()).place(), "nor does D pass C");
        assertInstanceOf(FairLine.Admitted.class, line.arrive(c.ticket()), "C's turn");
        assertEquals(1, waits(d.ticket()).place(), "D moved up");
        assertEquals(2, waits(e.ticket()).place());

        FairLine.Waiting newcomer = waits(null);
        assertEquals(3, newcomer.place(), "a newcomer joins the end");
        line.done();
        line.done();
        assertInstanceOf(FairLine.Admitted.class, line.arrive(d.ticket()));
        assertInstanceOf(FairLine.Admitted.class, line.arrive(e.ticket()), "room for two: E follows D at once");
        assertEquals(1, waits(newcomer.ticket()).place());
    }

    @Test
    void aWaiterAskingWhereTheyStandKeepsTheirPlaceAndIsToldWhenTheirTurnHasCome() {
        line.arrive(null);
        line.arrive(null);
        FairLine.Waiting c = waits(null);
        FairLine.Waiting d = waits(null);
        assertEquals(OptionalInt.of(2), line.place(d.ticket()));
        clock.advance(Duration.ofSeconds(5));
        assertEquals(OptionalInt.of(2), line.place(d.ticket()), "asking keeps D in line");
        clock.advance(Duration.ofSeconds(2));
        assertEquals(OptionalInt.of(1), line.place(d.ticket()), "C stopped asking and left, D moved up");
        line.done();
        assertEquals(OptionalInt.empty(), line.place(d.ticket()), "D's turn");
        assertEquals(OptionalInt.empty(), line.place(d.ticket()), "asking lets nobody in: still D's turn");
        assertEquals(OptionalInt.empty(), line.place(c.ticket()), "a ticket no longer in line is sent to arrive again");
        assertEquals(OptionalInt.empty(), line.place(null));
        assertEquals(2, waits(null).place(), "a newcomer waits behind D");
        assertInstanceOf(FairLine.Admitted.class, line.arrive(d.ticket()), "D comes in");
    }

    @Test
    void aWaiterWithNothingLeftToWaitForLeavesTheLineAndThoseBehindMoveUp() {
        line.arrive(null);
        line.arrive(null);
        FairLine.Waiting c = waits(null);
        FairLine.Waiting d = waits(null);
        line.leave(c.ticket());
        assertEquals(1, line.waiting());
        assertEquals(OptionalInt.of(1), line.place(d.ticket()), "D moved up");
        line.done();
        assertInstanceOf(FairLine.Admitted.class, line.arrive(d.ticket()), "the next room is D's");
    }

    @Test
    void formsFromInsideTheFlowAreCountedButNeverWait() {
        line.enterInside();
        line.enterInside();
        line.enterInside();
        FairLine.Waiting first = waits(null);
        assertEquals(1, first.place(), "three forms in flight fill the room");
        line.done();
        line.done();
        assertInstanceOf(FairLine.Admitted.class, line.arrive(first.ticket()));
    }

    @Test
    void someoneWhoStopsAskingLeavesTheLine() {
        line.arrive(null);
        line.arrive(null);
        FairLine.Waiting gone = waits(null);
        FairLine.Waiting staying = waits(null);
        clock.advance(Duration.ofSeconds(4));
        assertEquals(2, waits(staying.ticket()).place());
        clock.advance(Duration.ofSeconds(4));
        assertEquals(1, waits(staying.ticket()).place(), "the one who closed the page is out of line");
        assertEquals(1, line.waiting());
        assertEquals(2, waits(gone.ticket()).place(), "coming back after leaving means the end of the line");
    }
}
