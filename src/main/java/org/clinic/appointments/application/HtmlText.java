package org.clinic.appointments.application;

/** Text placed in HTML, as an element's content or an attribute's value. */
public final class HtmlText {

    private HtmlText() {
    }

    /** The text with every character that could open a tag, an entity or close an attribute escaped. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
