package org.clinic.appointments.web.patient;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.clinic.appointments.application.PlainText;
import org.clinic.appointments.application.SymptomChecker;

/** The symptom checker ({@code /patient/symptoms}). */
@Named
@ViewScoped
public class SymptomsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SymptomChecker checker;

    @PlainText(max = SymptomChecker.QUERY_MAX, message = "{symptoms.too_long}")
    private String symptom;
    private transient SymptomChecker.Advice advice;

    public void check() {
        advice = checker.check(symptom);
    }

    public List<String> complete(String typed) {
        String text = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return checker.symptoms().stream().filter(s -> s.toLowerCase(Locale.ROOT).contains(text)).limit(10).toList();
    }

    public boolean isAvailable() {
        return checker.isAvailable();
    }

    public String getSymptom() {
        return symptom;
    }

    public void setSymptom(String symptom) {
        this.symptom = symptom;
    }

    public SymptomChecker.Advice getAdvice() {
        return advice;
    }
}
