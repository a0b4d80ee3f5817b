package org.clinic.appointments.web.param;

import jakarta.faces.convert.FacesConverter;

import org.clinic.appointments.web.admin.CalendarBacking;

/** The calendar's view in a URL: day, week or month. */
@FacesConverter("param.calendarView")
public class CalendarViewParam extends CodeParam {

    public CalendarViewParam() {
        super(CalendarBacking.VIEWS);
    }
}
