package org.qualigraph.exchange.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.qualigraph.base.MainLayout;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.exchange.elm.PreflightService;

/** The pre-flight check as a page of its own ({@code qualifications/:id/preflight}), on the stored qualification. */
@Route(value = "qualifications/:id/preflight", layout = MainLayout.class)
@RolesAllowed({"DESIGNER", "REVIEWER", "ADMIN"})
class PreflightView extends VerticalLayout implements com.vaadin.flow.router.HasDynamicTitle, BeforeEnterObserver {

    private final QualificationService qualifications;
    private final PreflightService preflight;
    private final org.qualigraph.curriculum.PersistentIdentifiers identifiers;

    PreflightView(QualificationService qualifications, PreflightService preflight,
                  org.qualigraph.curriculum.PersistentIdentifiers identifiers) {
        this.qualifications = qualifications;
        this.preflight = preflight;
        this.identifiers = identifiers;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String id = event.getRouteParameters().get("id").orElse("");
        var doc = qualifications.find(id);
        if (doc.isEmpty()) {
            add(new Paragraph(getTranslation("preflight.not-found", id)));
            return;
        }
        add(new PreflightPanel(preflight, () -> qualifications.get(id), null, identifiers));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.preflight");
    }
}
