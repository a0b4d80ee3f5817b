package org.clinic.appointments.web.admin;

import java.io.Serializable;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.clinic.appointments.application.PatientRecords;
import org.clinic.appointments.domain.User;

/** The clinic's patients ({@code /admin/patients?q=}): found by name, e-mail or phone. */
@Named
@ViewScoped
public class PatientsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PatientRecords records;

    private String query;
    private List<User> found = List.of();

    public void load() {
        found = query == null || query.isBlank() ? List.of() : records.search(query);
    }

    public String search() {
        return "/admin/patients?faces-redirect=true&q=" + java.net.URLEncoder.encode(query == null ? "" : query.strip(),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public List<User> getFound() {
        return found;
    }
}
