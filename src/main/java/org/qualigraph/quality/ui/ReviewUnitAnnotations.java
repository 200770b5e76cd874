package org.qualigraph.quality.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.List;
import java.util.Optional;
import org.qualigraph.curriculum.EditorContext;
import org.qualigraph.curriculum.UnitAnnotations;
import org.qualigraph.quality.ReviewComment;
import org.qualigraph.quality.ReviewCommentService;

/**
 * The open review comments on a unit and on its outcomes, shown at the top of the unit in the editor, so the designer
 * reads the reviewer's point where the change is to be made instead of on the Review tab only.
 */
@org.springframework.stereotype.Component
class ReviewUnitAnnotations implements UnitAnnotations {

    private final ReviewCommentService comments;

    ReviewUnitAnnotations(ReviewCommentService comments) {
        this.comments = comments;
    }

    @Override
    public Optional<Component> forUnit(EditorContext context, String unitCode, List<String> outcomeCodes) {
        var open = comments.threads(context.qualificationId()).stream().filter(c -> !c.resolved())
                .filter(c -> unitCode.equals(c.targetCode()) || outcomeCodes.contains(c.targetCode())).toList();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        var box = new Div();
        box.setId("unit-comments");
        box.getElement().setAttribute("role", "note");
        box.getStyle().set("background", "var(--lumo-primary-color-10pct)").set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-m)").set("margin-bottom", "var(--lumo-space-s)");
        var heading = new Span(WorkflowTexts.t("review.unitComments", open.size()));
        heading.getStyle().set("font-weight", "600");
        box.add(heading);
        open.forEach(comment -> box.add(line(context, comment)));
        return Optional.of(box);
    }

    private static Component line(EditorContext context, ReviewComment comment) {
        var row = new HorizontalLayout();
        row.addClassName("unit-comment");
        row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        row.setWidthFull();
        if (comment.targetKind() == ReviewComment.TargetKind.OUTCOME) {
            var place = new Button(comment.targetCode(), e -> context.showOutcome(comment.targetCode()));
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
