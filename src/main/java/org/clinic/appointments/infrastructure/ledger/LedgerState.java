package org.clinic.appointments.infrastructure.ledger;

/** The last journal sequence number that the snapshots contain. */
public class LedgerState {

    private long seq;

    public LedgerState() {
    }

    LedgerState(long seq) {
        this.seq = seq;
    }

    public long getSeq() {
        return seq;
    }

    public void setSeq(long seq) {
        this.seq = seq;
    }
}
