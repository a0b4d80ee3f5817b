package org.clinic.appointments.web;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import org.omnifaces.util.Messages;

/** Looks up UI texts by key in {@code i18n/messages}, and lets OmniFaces' {@link Messages} take keys. */
@Named
@ApplicationScoped
public class Texts {

    static final String BUNDLE = "i18n.messages";

    void registerResolver(@Observes @Initialized(ApplicationScoped.class) Object start) {
        Messages.setResolver((message, params) -> get(message, params));
    }

    /** For pages: {@code #{texts.format('key', value)}}. */
    public String format(String key, Object param) {
        return get(key, param);
    }

    public String format(String key, Object first, Object second) {
        return get(key, first, second);
    }

    /** The text for {@code prefix + code}, or the code itself when the bundle has none (old or unknown codes). */
    public String format(String key, Object first, Object second, Object third) {
        return get(key, first, second, third);
    }

    public String format(String key, Object first, Object second, Object third, Object fourth) {
        return get(key, first, second, third, fourth);
    }

    public String label(String prefix, String code) {
        if (code == null) {
            return "";
        }
        String text = get(prefix + code);
        return text.equals(prefix + code) ? code : text;
    }

    public static String get(String key, Object... params) {
        return in(currentLocale(), key, params);
    }

    static String in(Locale locale, String key, Object... params) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
        } catch (MissingResourceException missing) {
            return key;
        }
        return params == null || params.length == 0 ? pattern : new MessageFormat(pattern, locale).format(shown(params));
    }

    /** Days as the pages write them ({@link ClinicTime#dayOf}), not as {@code 2026-12-08}. */
    private static Object[] shown(Object[] params) {
        Object[] shown = params.clone();
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] instanceof LocalDate day) {
                shown[i] = ClinicTime.dayOf(day);
            }
        }
        return shown;
    }

    private static Locale currentLocale() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (context != null && context.getViewRoot() != null) {
            return context.getViewRoot().getLocale();
        }
        return Locale.ENGLISH;
    }
}
