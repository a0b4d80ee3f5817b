package org.clinic.appointments.web.param;

import java.util.Optional;

import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIViewParameter;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;

import org.clinic.appointments.web.Texts;
import org.omnifaces.util.Messages;

/**
 * Reads one kind of URL parameter of a page. Every kind behaves alike: an absent or blank value is null; a value
 * longer than the kind's cap, or that does not read as the kind, is left out (null) and the page shows
 * "param.unreadable" naming the parameter. Never fails the request, so the other parameters still apply.
 */
public abstract class ViewParameterConverter implements Converter<String> {

    private final int maxLength;

    protected ViewParameterConverter(int maxLength) {
        this.maxLength = maxLength;
    }

    /** The value in its canonical form, or empty when it does not read as this kind. */
    protected abstract Optional<String> read(String value);

    @Override
    public String getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        Optional<String> read = stripped.length() > maxLength ? Optional.empty() : read(stripped);
        if (read.isEmpty()) {
            String name = component instanceof UIViewParameter parameter ? parameter.getName() : component.getId();
            String label = Texts.get("param.name." + name);
            context.addMessage(null, Messages.create("param.unreadable", label.startsWith("param.name.") ? name : label)
                    .warn().get());
        }
        return read.orElse(null);
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, String value) {
        return value == null ? "" : value;
    }
}
