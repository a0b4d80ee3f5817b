package org.clinic.appointments.web.admin;

import java.io.Serializable;
import java.util.List;

import org.clinic.appointments.domain.AppointmentSort;
import org.primefaces.PrimeFaces;

/**
 * Where a page's main table stands (the dashboard's, the audit trail's): its page, page size and order, read from
 * the page's address and written back to it as they change, so that Back from an appointment, a reload or a
 * bookmark returns to the same rows.
 */
public final class TablePosition implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final List<Integer> PAGE_SIZES = List.of(10, 25, 50, 100);
    public static final int DEFAULT_ROWS = 25;

    private String page;
    private String rows;

    /** The index of the first row shown. */
    public int first() {
        return (pageNumber() - 1) * rows();
    }

    public int rows() {
        return rows == null ? DEFAULT_ROWS : Integer.parseInt(rows);
    }

    private int pageNumber() {
        return page == null ? 1 : Integer.parseInt(page);
    }

    /** Puts the rows just loaded into the browser's address (an ajax page or sort; the address is not reloaded). */
    static void show(int first, int pageSize, AppointmentSort sort, boolean ascending) {
        if (PrimeFaces.current().isAjaxRequest() && pageSize > 0) {
            PrimeFaces.current().executeScript("tableAddress(%d,%d,'%s','%s')".formatted(first / pageSize + 1, pageSize,
                    sort.code(), ascending ? "asc" : "desc"));
        }
    }

    /** As above, for a table in one order. */
    static void show(int first, int pageSize) {
        if (PrimeFaces.current().isAjaxRequest() && pageSize > 0) {
            PrimeFaces.current().executeScript("tableAddress(%d,%d)".formatted(first / pageSize + 1, pageSize));
        }
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }

    public String getRows() {
        return rows;
    }

    public void setRows(String rows) {
        this.rows = rows;
    }
}
