package org.qualigraph.quality.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.qualigraph.curriculum.EditorContext;
import org.qualigraph.curriculum.RevisionInfo;
import org.qualigraph.quality.ReviewWorkflowService;
import org.qualigraph.quality.RevisionDiff;
import org.qualigraph.quality.VariantChangesService;

/** The revision chain of the open qualification and a diff between any two of its revisions, grouped by section. */
class RevisionsPanel extends VerticalLayout {

    private final transient EditorContext context;
    private final transient ReviewWorkflowService workflow;
    private final transient VariantChangesService variantChanges;
    private final ComboBox<RevisionInfo> from = new ComboBox<>();
    private final ComboBox<RevisionInfo> to = new ComboBox<>();
    private final Div result = new Div();

    RevisionsPanel(EditorContext context, ReviewWorkflowService workflow, VariantChangesService variantChanges) {
        this.context = context;
        this.workflow = workflow;
        this.variantChanges = variantChanges;
        setId("revisions-panel");
        setPadding(false);
        from.setId("diff-from");
        from.setLabel(getTranslation("revisions.from"));
        to.setId("diff-to");
        to.setLabel(getTranslation("revisions.to"));
        from.setItemLabelGenerator(this::label);
        to.setItemLabelGenerator(this::label);
        var show = new Button(getTranslation("revisions.compare"), e -> showDiff());
        show.setId("diff-show");
        result.setId("diff-result");
        var chain = workflow.revisions(context.qualificationId());
        from.setItems(chain);
        to.setItems(chain);
        chain.stream().filter(r -> r.id().equals(context.qualificationId())).findFirst().ifPresent(current -> {
            to.setValue(current);
            chain.stream().filter(r -> r.id().equals(current.revisionOf())).findFirst().ifPresent(from::setValue);
        });
        var row = new HorizontalLayout(from, to, show);
        row.setAlignItems(Alignment.END);
        add(row, result);
        if (from.getValue() != null) {
            showDiff();
        } else {
            result.add(new Paragraph(getTranslation("revisions.single")));
        }
        if (context.currentDocument().derivedFrom() != null) {
            variantChanges.ownChanges(context.qualificationId()).ifPresent(own -> add(changesFromCore(own)));
        }
    }

    /**
     * What the partners of a national variant changed themselves: units and outcomes added, removed and changed
     * (matched by code, compared by content) and the variant's own national data, measured against the core as the
     * variant last took it, so that later edits of the core do not show here; each with who made it.
     */
    private Component changesFromCore(VariantChangesService.OwnChanges own) {
        var box = new Div();
        box.setId("core-diff");
        box.add(new H3(getTranslation("revisions.core.title")));
        var diff = own.diff();
        if (diff.isEmpty()) {
            box.add(new Paragraph(getTranslation("revisions.core.same")));
            return box;
        }
        var counts = new Paragraph(getTranslation("revisions.core.summary",
                count(diff, RevisionDiff.Section.UNITS, RevisionDiff.Change.ADDED),
                count(diff, RevisionDiff.Section.UNITS, RevisionDiff.Change.REMOVED),
                count(diff, RevisionDiff.Section.OUTCOMES, RevisionDiff.Change.ADDED),
                count(diff, RevisionDiff.Section.OUTCOMES, RevisionDiff.Change.REMOVED),
                diff.lines().stream().filter(l -> l.change() == RevisionDiff.Change.CHANGED).count()));
        counts.setId("core-diff-summary");
        box.add(counts);
        diff.bySection().forEach((section, lines) -> {
            var heading = new H4(getTranslation("revisions.section." + section.name()) + " (" + lines.size() + ")");
            var list = new UnorderedList();
            list.setId("core-diff-" + section.name());
            lines.forEach(line -> list.add(new ListItem(line.in(this::getTranslation)
                    + by(own.by().get(diff.lines().indexOf(line))))));
            box.add(heading, list);
        });
        return box;
    }

    private String by(VariantChangesService.Attribution attribution) {
        if (attribution == null) {
            return "";
        }
        String date = attribution.at() == null ? "" : org.qualigraph.base.LocalFormats.date(attribution.at().toLocalDate(), getLocale());
        return " " + getTranslation("revisions.core.by", attribution.user(), date);
    }

    private static long count(RevisionDiff diff, RevisionDiff.Section section, RevisionDiff.Change change) {
        return diff.lines().stream().filter(l -> l.section() == section && l.change() == change).count();
    }

    private String label(RevisionInfo r) {
        return getTranslation("revisions.edition", r.revision(), getTranslation("review.state." + r.status().name()));
    }

    private void showDiff() {
        result.removeAll();
        if (from.getValue() == null || to.getValue() == null) {
            result.add(new Paragraph(getTranslation("revisions.choose")));
            return;
        }
        var diff = workflow.diff(to.getValue().id(), from.getValue().id());
        if (diff.isEmpty()) {
            result.add(new Paragraph(getTranslation("revisions.same")));
            return;
        }
        diff.bySection().forEach((section, lines) -> {
            var heading = new H4(getTranslation("revisions.section." + section.name()) + " (" + lines.size() + ")");
            var list = new UnorderedList();
            list.setId("diff-" + section.name());
            // each change a sentence of its own, without "+ / − / ~" marks
            lines.forEach(line -> list.add(new ListItem(line.in(this::getTranslation))));
            result.add(heading, list);
        });
    }

}
