package org.clinic.appointments.web.admin;

import java.util.List;
import java.util.Map;

import org.clinic.appointments.application.ClinicAdministration;
import org.clinic.appointments.domain.Appointment;
import org.clinic.appointments.domain.AppointmentQuery;
import org.clinic.appointments.domain.AppointmentSort;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** The dashboard's table: each page asked of the ledger, sorted and filtered there. */
public class AppointmentsLazyModel extends LazyDataModel<Appointment> {

    private static final long serialVersionUID = 1L;

    private static final Map<String, AppointmentSort> SORT_BY_FIELD = Map.of(
            "date", AppointmentSort.SLOT,
            "bookedAt", AppointmentSort.BOOKED,
            "userName", AppointmentSort.PATIENT,
            "doctorName", AppointmentSort.DOCTOR,
            "status", AppointmentSort.STATUS,
            "paymentStatus", AppointmentSort.PAYMENT,
            "amount", AppointmentSort.AMOUNT);

    private final ClinicAdministration administration;
    private final AppointmentQuery query;
    private final AppointmentSort defaultSort;
    private final boolean defaultAscending;

    AppointmentsLazyModel(ClinicAdministration administration, AppointmentQuery query, AppointmentSort defaultSort,
            boolean defaultAscending) {
        this.administration = administration;
        this.query = query;
        this.defaultSort = defaultSort;
        this.defaultAscending = defaultAscending;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return administration.search(query, AppointmentSort.SLOT, true, 0, 0).total();
    }

    @Override
    public List<Appointment> load(int first, int pageSize, Map<String, SortMeta> sortBy,
            Map<String, FilterMeta> filterBy) {
        AppointmentSort sort = defaultSort;
        boolean ascending = defaultAscending;
        for (SortMeta meta : sortBy.values()) {
            AppointmentSort candidate = SORT_BY_FIELD.get(meta.getField());
            if (candidate != null && meta.getOrder() != SortOrder.UNSORTED) {
                sort = candidate;
                ascending = meta.getOrder() == SortOrder.ASCENDING;
                break;
            }
        }
        var page = administration.search(query, sort, ascending, first, pageSize);
        setRowCount(page.total());
        TablePosition.show(first, pageSize, sort, ascending);
        return page.rows();
    }

    @Override
    public String getRowKey(Appointment appointment) {
        return appointment.getId();
    }

    @Override
    public Appointment getRowData(String rowKey) {
        return administration.appointment(rowKey);
    }
}
