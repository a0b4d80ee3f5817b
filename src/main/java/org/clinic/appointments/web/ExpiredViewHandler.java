package org.clinic.appointments.web;

import java.util.Iterator;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.PhaseId;

import org.omnifaces.util.Exceptions;

/**
 * A form whose view has expired or was never issued (a session that ended, a forged or stale view state) answers
 * the "page expired" page inside Faces, so the container does not log it as a server error with its stack trace.
 * An ajax request gets the same page as the whole of its partial response, which the browser shows in place of the
 * page it came from.
 */
public final class ExpiredViewHandler extends ExceptionHandlerWrapper {

    static final String EXPIRED_PAGE = "/WEB-INF/errorpages/expired.xhtml";

    ExpiredViewHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (context.getCurrentPhaseId() == PhaseId.RESTORE_VIEW) {
            Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                if (Exceptions.is(events.next().getContext().getException(), ViewExpiredException.class)) {
                    events.remove();
                    context.setViewRoot(context.getApplication().getViewHandler().createView(context, EXPIRED_PAGE));
                    context.getPartialViewContext().setRenderAll(true);
                    context.renderResponse();
                }
            }
        }
        getWrapped().handle();
    }

    /** Registered in {@code faces-config.xml} after OmniFaces' factory, so this handler sees each exception first. */
    public static final class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new ExpiredViewHandler(getWrapped().getExceptionHandler());
        }
    }
}
