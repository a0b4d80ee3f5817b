package org.clinic.appointments.web.patient;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.clinic.appointments.application.DayAvailability;

/**
 * One day of the booking page's grid as plain HTML shows it: its address (none when it cannot be chosen), its
 * classes and its labels, worked out once per page instead of by a link component with parameters and converters.
 */
public final class DayLink implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEE");
    private static final DateTimeFormatter DAY_AND_MONTH = DateTimeFormatter.ofPattern("d MMM");

    private final String iso;
    private final String href;
    private final String styleClass;
    private final boolean current;
    private final String weekday;
    private final String label;
    private final String badge;

    private DayLink(String iso, String href, String styleClass, boolean current, String weekday, String label,
            String badge) {
        this.iso = iso;
        this.href = href;
        this.styleClass = styleClass;
        this.current = current;
        this.weekday = weekday;
        this.label = label;
        this.badge = badge;
    }

    /**
     * The day as the booking page of {@code pagePath} links it: to the doctor's page, or while moving an
     * appointment to the page that moves it. A full working day stays a link (its waitlist) except when moving.
     */
    static DayLink of(DayAvailability day, LocalDate chosen, boolean rescheduling, String pagePath, String pageParameter,
            String pageValue, Locale locale) {
        boolean chooseable = rescheduling ? day.isBookable() : day.isWorking();
        String iso = day.date().toString();
        String state = day.isBookable() ? "" : day.isWorking() && !rescheduling ? " full" : " disabled";
        boolean current = day.date().equals(chosen);
        String href = chooseable ? pagePath + "?" + pageParameter + "=" + URLEncoder.encode(pageValue, StandardCharsets.UTF_8)
                + "&date=" + iso : null;
        return new DayLink(iso, href, "day" + (current ? " selected" : "") + state, current,
                WEEKDAY.withLocale(locale).format(day.date()), DAY_AND_MONTH.withLocale(locale).format(day.date()),
                day.getBadge());
    }

    public String getIso() {
        return iso;
    }

    /** Where choosing the day leads; null when it cannot be chosen. */
    public String getHref() {
        return href;
    }

    public String getStyleClass() {
        return styleClass;
    }

    /** "date" for the chosen day, "false" for the others (aria-current). */
    public String getAriaCurrent() {
        return current ? "date" : "false";
    }

    public String getWeekday() {
        return weekday;
    }

    public String getLabel() {
        return label;
    }

    public String getBadge() {
        return badge;
    }
}
