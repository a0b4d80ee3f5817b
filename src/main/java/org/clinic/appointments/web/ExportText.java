package org.clinic.appointments.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * Text that users typed, made safe for exported spreadsheets: a value that a spreadsheet would read as a
 * formula (starting with =, +, -, @, tab or carriage return) gets a leading apostrophe, so it shows as the
 * text it is and never runs. {@code exportValue="#{exportText.safe(a.userName)}"}.
 */
@Named
@ApplicationScoped
public class ExportText {

    public String safe(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
