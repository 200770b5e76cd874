package org.qualigraph.quality.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.shared.Registration;
import java.util.Optional;
import org.qualigraph.curriculum.EditorContext;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationEditorExtension;
import org.qualigraph.quality.QualityService;

/**
 * Adds the "Quality" tab and the live quality badge to the qualification editor. Both re-check the working document
 * (unsaved edits included) on every change the editor reports, so designers see the effect of an edit at once.
 */
@org.springframework.stereotype.Component
class QualityEditorExtension implements QualificationEditorExtension {

    private final QualityService quality;

    QualityEditorExtension(QualityService quality) {
        this.quality = quality;
    }

    @Override
    public String id() {
        return "quality";
    }

    @Override
    public String label() {
        return I18NProvider.translate("quality.tab");
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Component create(EditorContext context) {
        var panel = new QualityReportPanel(quality, new QualityReportPanel.Navigator() {
            @Override
            public void showUnit(String unitCode) {
                context.showUnit(unitCode);
            }

            @Override
            public void showOutcome(String outcomeCode) {
                context.showOutcome(outcomeCode);
            }
        });
        panel.setId("quality-report");
        live(panel, context, panel::show);
        return panel;
    }

    @Override
    public Optional<Component> createBadge(EditorContext context) {
        var badge = new QualityBadge();
        live(badge, context, doc -> badge.show(quality.check(doc)));
        return Optional.of(badge);
    }

    /** Shows the current document when attached and every change while attached. */
    private static void live(Component component, EditorContext context, java.util.function.Consumer<QualificationDocument> show) {
        var registration = new Registration[1];
        component.addAttachListener(e -> {
            show.accept(context.currentDocument());
            registration[0] = context.addChangeListener(show);
        });
        component.addDetachListener(e -> {
            if (registration[0] != null) {
                registration[0].remove();
                registration[0] = null;
            }
        });
    }
}
