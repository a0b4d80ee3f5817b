package org.clinic.appointments.web;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Links on an error page without the {@code .xhtml} that Faces adds there (the error page is reached through its
 * file's name, so Faces takes that for the application's mapping), as on every other page.
 */
public class ErrorPageLinks extends ViewHandlerWrapper {

    private static final Pattern SUFFIX = Pattern.compile("\\.xhtml(?=$|[?#])");

    public ErrorPageLinks(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public String getActionURL(FacesContext context, String viewId) {
        return extensionless(context, super.getActionURL(context, viewId));
    }

    @Override
    public String getBookmarkableURL(FacesContext context, String viewId, Map<String, List<String>> parameters,
            boolean includeViewParams) {
        return extensionless(context, super.getBookmarkableURL(context, viewId, parameters, includeViewParams));
    }

    private static String extensionless(FacesContext context, String url) {
        Object request = context.getExternalContext().getRequest();
        boolean errorPage = request instanceof HttpServletRequest http && http.getDispatcherType() == DispatcherType.ERROR;
        return errorPage ? SUFFIX.matcher(url).replaceFirst("") : url;
    }
}
