package org.qualigraph.curriculum.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.qualigraph.curriculum.Texts;
import org.qualigraph.curriculum.UnitConflict;
import org.qualigraph.curriculum.UnitDocument;

/**
 * Shown when a save meets a shared unit that someone changed through another qualification after the designer opened
 * it: which unit, who changed it, in which qualification and when, and the two versions side by side. The designer
 * takes theirs (the stored unit replaces only that unit of the working copy; everything else typed stays) or applies
 * theirs own on top (the save is sent again against the stored version). Closing the dialog changes nothing.
 */
class UnitConflictDialog extends Dialog {

    /** One conflicting unit: the conflict, the designer's version and the stored one (null when it is gone). */
    record Side(UnitConflict conflict, UnitDocument mine, UnitDocument theirs) {
    }

    UnitConflictDialog(List<Side> sides, Function<String, String> qualificationTitle, Runnable takeTheirs, Runnable applyMine) {
        setId("unit-conflict-dialog");
        setHeaderTitle(getTranslation("curriculum.ui.unitConflict.title"));
        setWidth("min(60rem, 95vw)");
        for (var side : sides) {
            var c = side.conflict();
            String where = c.changedIn() == null ? "?" : qualificationTitle.apply(c.changedIn());
            var who = new Paragraph(getTranslation("curriculum.ui.unitConflict.changed", c.unit(),
                    c.changedBy() == null ? "?" : c.changedBy(), where, c.at() == null ? "?" : c.at(), c.storedVersion()));
            who.addClassName("unit-conflict-who");
            add(new H4(c.unit() + " " + Texts.display(c.title())), who, compare(side));
        }
        var theirs = new Button(getTranslation("curriculum.ui.unitConflict.takeTheirs"), e -> {
            close();
            takeTheirs.run();
        });
        theirs.setId("unit-conflict-take-theirs");
        var mine = new Button(getTranslation("curriculum.ui.unitConflict.applyMine"), e -> {
            close();
            applyMine.run();
        });
        mine.setId("unit-conflict-apply-mine");
        mine.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var later = new Button(getTranslation("curriculum.ui.unitConflict.later"), e -> close());
        later.setId("unit-conflict-later");
        getFooter().add(later, theirs, mine);
    }

    /** Field by field: the designer's version and the stored one, differences marked. */
    private Div compare(Side side) {
        var table = new Div();
        table.addClassName("unit-conflict-compare");
        table.getStyle().set("display", "grid").set("grid-template-columns", "auto 1fr 1fr").set("gap", "var(--lumo-space-xs) var(--lumo-space-m)");
        table.add(new Span(), header("curriculum.ui.unitConflict.mine"), header("curriculum.ui.unitConflict.theirs"));
        row(table, "curriculum.ui.unitConflict.field.code", side, UnitDocument::code);
        row(table, "curriculum.ui.unitConflict.field.title", side, u -> Texts.display(u.title()));
        row(table, "curriculum.ui.unitConflict.field.eqf", side, u -> u.eqfLevel() == null ? "" : u.eqfLevel().toString());
        row(table, "curriculum.ui.unitConflict.field.credits", side, u -> plain(u.credits()));
        row(table, "curriculum.ui.unitConflict.field.hours", side, u -> u.hours() == null ? "" : u.hours().toString());
        row(table, "curriculum.ui.unitConflict.field.outcomes", side, u -> u.outcomes().stream()
                .map(o -> o.code() + ": " + Texts.display(o.statement())).collect(Collectors.joining("\n")));
        return table;
    }

    private void row(Div table, String label, Side side, Function<UnitDocument, String> value) {
        String mine = side.mine() == null ? "" : value.apply(side.mine());
        String theirs = side.theirs() == null ? "" : value.apply(side.theirs());
        var name = new Span(getTranslation(label));
        name.getStyle().set("font-weight", "600");
        var left = cell(mine, !mine.equals(theirs));
        left.addClassName("unit-conflict-mine");
        var right = cell(theirs, !mine.equals(theirs));
        right.addClassName("unit-conflict-theirs");
        table.add(name, left, right);
    }

    private static Span cell(String text, boolean differs) {
        var span = new Span(text);
        span.getStyle().set("white-space", "pre-line");
        if (differs) {
            span.getStyle().set("background", "var(--lumo-warning-color-10pct, var(--lumo-primary-color-10pct))");
        }
        return span;
    }

    private Span header(String key) {
        var span = new Span(getTranslation(key));
        span.getStyle().set("font-weight", "600");
        return span;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    /**
     * The designer's changes on top of the stored unit: each field the designer changed since the version read
     * ({@code base}) takes the designer's value, every other field the stored one, so a partner's change of another
     * field stays; outcomes, periods and assessments count as one field each. Position, mandatory flag and
     * prerequisites are this qualification's own and stay the designer's. Without a base (a unit adopted since the
     * editor opened) the designer's version is taken whole. The result claims the stored version.
     */
    static UnitDocument onTop(UnitDocument base, UnitDocument mine, UnitDocument theirs) {
        if (theirs == null) {
            return mine;
        }
        if (base == null) {
            return mine.withVersion(theirs.version());
        }
        return new UnitDocument(mine.id(), pick(base.code(), mine.code(), theirs.code()),
                pick(base.title(), mine.title(), theirs.title()), pick(base.eqfLevel(), mine.eqfLevel(), theirs.eqfLevel()),
                pick(base.credits(), mine.credits(), theirs.credits()), pick(base.hours(), mine.hours(), theirs.hours()),
                mine.mandatory(), mine.prerequisites(), pick(base.deliveryModes(), mine.deliveryModes(), theirs.deliveryModes()),
                pick(base.outcomes(), mine.outcomes(), theirs.outcomes()),
                pick(base.workBasedLearning(), mine.workBasedLearning(), theirs.workBasedLearning()),
                pick(base.assessments(), mine.assessments(), theirs.assessments()), theirs.version());
    }

    private static <T> T pick(T base, T mine, T theirs) {
        boolean changedByMe = base instanceof BigDecimal b && mine instanceof BigDecimal m ? b.compareTo(m) != 0
                : !java.util.Objects.equals(base, mine);
        return changedByMe ? mine : theirs;
    }

    static Map<String, UnitDocument> byId(List<UnitDocument> units) {
        return units.stream().collect(Collectors.toMap(UnitDocument::id, u -> u, (a, b) -> a));
    }
}
