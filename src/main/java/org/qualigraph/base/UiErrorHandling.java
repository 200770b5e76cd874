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
        String id = FailureId.report(log, "in the user interface", event.getThrowable());
        UI ui = UI.getCurrent();
        if (ui != null) {
            var notification = Notification.show(ui.getTranslation("error.unexpected", id), 10_000, Notification.Position.MIDDLE);
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
