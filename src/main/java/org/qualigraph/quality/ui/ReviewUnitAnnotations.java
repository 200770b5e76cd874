package org.qualigraph.quality.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qualigraph.base.BadInputException;
import org.qualigraph.base.Roles;
import org.qualigraph.curriculum.EditorContext;
import org.qualigraph.curriculum.Texts;
import org.qualigraph.curriculum.UnitAnnotations;
import org.qualigraph.quality.CommentRequest;
import org.qualigraph.quality.ReviewComment;
import org.qualigraph.quality.ReviewCommentService;

/**
 * The open review comments on a unit and on its outcomes, shown at the top of the unit in the editor, so the designer
 * reads the reviewer's point where the change is to be made instead of on the Review tab only; and a way for
 * reviewers and designers to comment right there, on the unit or one of its outcomes, named by code and words.
 */
@org.springframework.stereotype.Component
class ReviewUnitAnnotations implements UnitAnnotations {

    private static final int SHOWN_CHARACTERS = 70;

    private final ReviewCommentService comments;

    ReviewUnitAnnotations(ReviewCommentService comments) {
        this.comments = comments;
    }

    @Override
    public Optional<Component> forUnit(EditorContext context, String unitCode, List<String> outcomeCodes) {
        var roles = WorkflowTexts.roles();
        boolean mayComment = roles.contains(Roles.REVIEWER) || roles.contains(Roles.DESIGNER);
        var box = new Div();
        box.setId("unit-comments");
        box.getElement().setAttribute("role", "note");
        box.getStyle().set("margin-bottom", "var(--lumo-space-s)");
        fill(box, context, unitCode, outcomeCodes, mayComment);
        return box.getChildren().findAny().isPresent() ? Optional.of(box) : Optional.empty();
    }

    private void fill(Div box, EditorContext context, String unitCode, List<String> outcomeCodes, boolean mayComment) {
        box.removeAll();
        var open = comments.threads(context.qualificationId()).stream().filter(c -> !c.resolved())
                .filter(c -> unitCode.equals(c.targetCode()) || outcomeCodes.contains(c.targetCode())).toList();
        if (!open.isEmpty()) {
            box.getStyle().set("background", "var(--lumo-primary-color-10pct)")
                    .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                    .set("border-radius", "var(--lumo-border-radius-m)");
            var heading = new Span(WorkflowTexts.t("review.unitComments", open.size()));
            heading.getStyle().set("font-weight", "600");
            box.add(heading);
            var names = targets(context, unitCode);
            open.forEach(comment -> box.add(line(context, comment, names)));
        }
        if (mayComment) {
            var add = new Button(WorkflowTexts.t("review.unitComment.add"), VaadinIcon.COMMENT_O.create(),
                    e -> openDialog(box, context, unitCode, outcomeCodes));
            add.setId("unit-comment-add");
            add.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            box.add(add);
        }
    }

    /** The unit and its outcomes as a reader names them: "U1 · Cell chemistry", "U1.K1 · Describe the ...". */
    private static Map<String, String> targets(EditorContext context, String unitCode) {
        var names = new LinkedHashMap<String, String>();
        context.currentDocument().units().stream().filter(u -> unitCode.equals(u.code())).findFirst()
                .ifPresentOrElse(unit -> {
                    names.put(unit.code(), named(unit.code(), Texts.display(unit.title())));
                    if (unit.outcomes() != null) {
                        unit.outcomes().forEach(o -> names.put(o.code(), named(o.code(), Texts.display(o.statement()))));
                    }
                }, () -> names.put(unitCode, unitCode));
        return names;
    }

    static String named(String code, String text) {
        if (text == null || text.isBlank()) {
            return code;
        }
        String shown = text.strip().length() > SHOWN_CHARACTERS
                ? text.strip().substring(0, SHOWN_CHARACTERS - 1) + "…" : text.strip();
        return code + " · " + shown;
    }

    private void openDialog(Div box, EditorContext context, String unitCode, List<String> outcomeCodes) {
        var names = targets(context, unitCode);
        var dialog = new Dialog();
        dialog.setId("unit-comment-dialog");
        dialog.setHeaderTitle(WorkflowTexts.t("review.unitComment.title", names.getOrDefault(unitCode, unitCode)));
        var target = new ComboBox<String>(WorkflowTexts.t("review.comment.on"));
        target.setId("unit-comment-target");
        target.setItems(names.keySet());
        target.setItemLabelGenerator(code -> names.getOrDefault(code, code));
        target.setValue(unitCode);
        target.setWidthFull();
        var text = new TextArea(WorkflowTexts.t("review.unitComment.text"));
        text.setId("unit-comment-text");
        text.setWidthFull();
        var save = new Button(WorkflowTexts.t("review.unitComment.save"), e -> {
            String code = target.getValue() == null ? unitCode : target.getValue();
            var request = code.equals(unitCode) ? new CommentRequest(text.getValue(), code, null)
                    : new CommentRequest(text.getValue(), null, code);
            try {
                comments.add(context.qualificationId(), request, WorkflowTexts.user());
                dialog.close();
                fill(box, context, unitCode, outcomeCodes, true);
            } catch (BadInputException problem) {
                text.setInvalid(true);
                text.setErrorMessage(org.qualigraph.base.Refusals.inWords(problem, com.vaadin.flow.component.UI.getCurrent().getLocale()));
            }
        });
        save.setId("unit-comment-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(WorkflowTexts.t("review.cancel"), e -> dialog.close());
        dialog.add(new Paragraph(WorkflowTexts.t("review.unitComment.help")), target, text);
        dialog.getFooter().add(cancel, save);
        dialog.setWidth("36em");
        dialog.open();
    }

    private static Component line(EditorContext context, ReviewComment comment, Map<String, String> names) {
        var row = new HorizontalLayout();
        row.addClassName("unit-comment");
        row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        row.setWidthFull();
        if (comment.targetKind() == ReviewComment.TargetKind.OUTCOME) {
            var place = new Button(names.getOrDefault(comment.targetCode(), comment.targetCode()),
                    e -> context.showOutcome(comment.targetCode()));
            place.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            place.addClassName("unit-comment-place");
            row.add(place);
        }
        var author = new Span(comment.author() + ":");
        author.getStyle().set("color", "var(--lumo-secondary-text-color)").set("flex-shrink", "0");
        var text = new Paragraph(comment.text());
        text.addClassName("unit-comment-text");
        text.getStyle().set("white-space", "pre-wrap").set("margin", "0");
        row.add(author, text);
        return row;
    }
}
