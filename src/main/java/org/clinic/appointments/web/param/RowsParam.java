package org.clinic.appointments.web.param;

import jakarta.faces.convert.FacesConverter;

import org.clinic.appointments.web.admin.TablePosition;

/** How many rows a table shows per page, in a URL: one of the sizes its page offers. */
@FacesConverter("param.rows")
public class RowsParam extends CodeParam {

    public RowsParam() {
        super(TablePosition.PAGE_SIZES.stream().map(String::valueOf).toList());
    }
}
