package org.qualigraph.base;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shown instead of Vaadin's default error page when opening a view fails unexpectedly: a plain message with the id
 * under which the stack trace was logged. More specific errors (route not found, access denied) keep their own views.
 */
@AnonymousAllowed
public class UnexpectedErrorView extends Div implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String id = FailureId.report(log, "opening " + event.getLocation().getPathWithQueryParameters(),
                parameter.getCaughtException());
        removeAll();
        setId("unexpected-error");
        add(new H2(getTranslation("error.title")), new Paragraph(getTranslation("error.unexpected", id)));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
