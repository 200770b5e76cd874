package org.qualigraph.base;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every unexpected failure in the UI (an event listener, a background task that reports through {@code ui.access})
 * is logged at ERROR with its stack trace under a {@link FailureId}, and the user sees a plain notification with that
 * id: never an exception class name, never silence in the log.
 */
@Component
class UiErrorHandling implements VaadinServiceInitListener, ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(UiErrorHandling.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        if (clientWentAway(event.getThrowable())) {
            // the browser closed or left the page while an answer was written: nothing failed on our side
            log.debug("Client went away during a UI request", event.getThrowable());
            return;
        }
        String id = FailureId.report(log, "in the user interface", event.getThrowable());
        UI ui = UI.getCurrent();
        if (ui != null) {
            var notification = Notification.show(ui.getTranslation("error.unexpected", id), 10_000, Notification.Position.MIDDLE);
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** As Vaadin's default handler: an aborted connection (ClientAbortException, a broken pipe) is not an error. */
    static boolean clientWentAway(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String type = t.getClass().getName();
            if (type.endsWith("ClientAbortException") || type.endsWith("EofException")) {
                return true;
            }
            if (t instanceof java.io.IOException && t.getMessage() != null
                    && (t.getMessage().contains("Broken pipe") || t.getMessage().contains("Connection reset"))) {
                return true;
            }
        }
        return false;
    }
}
