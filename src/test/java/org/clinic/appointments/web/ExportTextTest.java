package org.clinic.appointments.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What a hostile name turns into in an exported spreadsheet. */
class ExportTextTest {

    private final ExportText export = new ExportText();

    @Test
    void aValueASpreadsheetWouldRunAsAFormulaStaysText() {
        assertEquals("'=HYPERLINK(\"http://evil.example\",\"click\")", export.safe("=HYPERLINK(\"http://evil.example\",\"click\")"));
        assertEquals("'+91 cmd", export.safe("+91 cmd"));
        assertEquals("'-2+3", export.safe("-2+3"));
        assertEquals("'@SUM(A1)", export.safe("@SUM(A1)"));
        assertEquals("'\tTAB", export.safe("\tTAB"));
    }

    @Test
    void ordinaryValuesAreUnchanged() {
        assertEquals("Asha Rao", export.safe("Asha Rao"));
        assertEquals("a=b", export.safe("a=b"));
        assertEquals("500", export.safe(new java.math.BigDecimal("500")));
        assertEquals("", export.safe(null));
        assertEquals("", export.safe(""));
    }
}
