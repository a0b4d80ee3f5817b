package org.clinic.appointments.web.admin;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.clinic.appointments.domain.AppointmentQuery;
import org.clinic.appointments.domain.AppointmentSort;
import org.clinic.appointments.domain.AppointmentStatus;
import org.clinic.appointments.domain.FreeText;
import org.clinic.appointments.domain.PaymentMethod;
import org.clinic.appointments.domain.PaymentStatus;
import org.clinic.appointments.web.DateParameter;

/**
 * The dashboard's filters as they travel in the URL (so a filtered view can be bookmarked). The page's URL
 * parameters are read by {@code web.param} converters, which leave out (and report) what they cannot read.
 */
public class AppointmentFilters implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int TEXT_MAX = 100;
    /** The message for a "from" date after the "to" date, shared with the audit trail's filters. */
    static final String RANGE_INVERTED = "filter.range.inverted";

    private String doctor;
    private String from;
    private String to;
    private String status;
    private String payment;
    private String method;
    private String q;
    private String sort;
    private String order;

    /** The query these filters ask for; a value that cannot be read is left out. */
    public AppointmentQuery toQuery() {
        LocalDate fromDate = date(from);
        LocalDate toDate = date(to);
        AppointmentStatus statusValue = parse(status, AppointmentStatus::fromCode);
        PaymentStatus paymentValue = parse(payment, PaymentStatus::fromCode);
        PaymentMethod methodValue = parse(method, PaymentMethod::fromCode);
        String text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && FreeText.lineProblem(text, TEXT_MAX).isPresent()) {
            text = null;
        }
        return new AppointmentQuery(doctor, fromDate, toDate, statusValue, paymentValue, methodValue, text);
    }

    /** Whether "from" and "to" both read and "from" is the later: no appointment can match. */
    public boolean isRangeInverted() {
        return DateParameter.isInverted(from, to);
    }

    private LocalDate date(String value) {
        return parse(value, DateParameter::parse);
    }

    private <T> T parse(String value, java.util.function.Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        } catch (IllegalArgumentException | DateTimeException e) {
            return null;
        }
    }

    /** The query string that reproduces these filters, for a redirect or a bookmark. */
    public String queryString() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("doctor", doctor);
        params.put("from", from);
        params.put("to", to);
        params.put("status", status);
        params.put("payment", payment);
        params.put("method", method);
        params.put("q", q);
        params.put("sort", sort);
        params.put("order", order);
        StringBuilder query = new StringBuilder();
        params.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                query.append(query.length() == 0 ? "" : "&").append(name).append('=')
                        .append(URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    /** The order asked for in the URL: {@code sort} one of the sort codes, {@code order} asc or desc; newest slot first by default. */
    public AppointmentSort sortOrDefault() {
        return sort == null || sort.isBlank() ? AppointmentSort.SLOT : AppointmentSort.fromCode(sort.strip());
    }

    public boolean ascending() {
        return "asc".equalsIgnoreCase(order == null ? "" : order.strip());
    }

    public String getDoctor() {
        return doctor;
    }

    public void setDoctor(String doctor) {
        this.doctor = doctor;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getPayment() {
        return payment;
    }

    public void setPayment(String payment) {
        this.payment = payment;
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        this.sort = sort;
    }

    public String getOrder() {
        return order;
    }

    public void setOrder(String order) {
        this.order = order;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }
}
