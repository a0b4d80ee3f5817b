package org.clinic.appointments.infrastructure.ledger;

import java.nio.file.Path;

/** The data directory cannot be used as it is; start-up stops and nothing is written. */
public class LedgerLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LedgerLoadException(String message) {
        super(message);
    }

    public LedgerLoadException(String message, Throwable cause) {
        super(message, cause);
    }

    static LedgerLoadException at(Path file, long line, String problem) {
        return new LedgerLoadException(file + ", line " + line + ": " + problem);
    }
}
