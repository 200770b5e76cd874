package org.qualigraph.curriculum.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.qualigraph.base.EnumLabels;
import org.qualigraph.base.LocalFormats;
import org.qualigraph.curriculum.Texts;
import org.qualigraph.curriculum.UnitConflict;
import org.qualigraph.curriculum.UnitDocument;

/**
 * Shown when a save meets shared units that someone changed through another qualification after the designer opened
 * them. For each unit: which one, who changed it, in which qualification and when, the fields in which the two versions
 * differ side by side, and the designer's choice for that unit alone: take theirs (the stored unit replaces the
 * designer's version of it) or apply mine on top (the designer's changed fields over the stored unit, saved against
 * its version). The designer's other edits stay in the working copy and are saved with the choices; closing the dialog
 * changes nothing.
 */
class UnitConflictDialog extends Dialog {

    /** What the designer keeps of one conflicting unit. */
    enum Choice {
        THEIRS, MINE
    }

    /** One conflicting unit: the conflict, the designer's version and the stored one (null when it is gone). */
    record Side(UnitConflict conflict, UnitDocument mine, UnitDocument theirs) {
    }

    private final Map<String, RadioButtonGroup<Choice>> choices = new LinkedHashMap<>();
    private final Button apply = new Button();

    /**
     * @param qualificationTitle the display title of a qualification by id (where the unit was changed)
     * @param resolve            called with the choice per unit id once every unit has one and the designer applies them
     */
    UnitConflictDialog(List<Side> sides, Function<String, String> qualificationTitle, Consumer<Map<String, Choice>> resolve) {
        setId("unit-conflict-dialog");
        setHeaderTitle(getTranslation("curriculum.ui.unitConflict.title"));
        setWidth("min(60rem, 95vw)");
        for (var side : sides) {
            add(unit(side, qualificationTitle));
        }
        apply.setText(getTranslation("curriculum.ui.unitConflict.apply"));
        apply.setId("unit-conflict-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(false);
        apply.addClickListener(e -> {
            var chosen = new LinkedHashMap<String, Choice>();
            choices.forEach((unitId, group) -> chosen.put(unitId, group.getValue()));
            if (chosen.containsValue(null)) {
                return;
            }
            close();
            resolve.accept(chosen);
        });
        var later = new Button(getTranslation("curriculum.ui.unitConflict.later"), e -> close());
        later.setId("unit-conflict-later");
        getFooter().add(later, apply);
    }

    /** One unit's section: heading, who/where/when, the differing fields side by side, and the choice for it. */
    private Div unit(Side side, Function<String, String> qualificationTitle) {
        var c = side.conflict();
        String where = c.changedIn() == null ? "?" : qualificationTitle.apply(c.changedIn());
        var who = new Paragraph(getTranslation("curriculum.ui.unitConflict.changed", c.unit(),
                c.changedBy() == null ? "?" : c.changedBy(), where, when(c.at()), c.storedVersion()));
        who.addClassName("unit-conflict-who");
        var choice = new RadioButtonGroup<Choice>();
        choice.setId("unit-conflict-choice-" + c.unit());
        choice.addClassName("unit-conflict-choice");
        choice.setLabel(getTranslation("curriculum.ui.unitConflict.choice", c.unit()));
        choice.setItems(Choice.values());
        choice.setItemLabelGenerator(option -> getTranslation(option == Choice.THEIRS
                ? "curriculum.ui.unitConflict.takeTheirs" : "curriculum.ui.unitConflict.applyMine"));
        choice.addValueChangeListener(e -> apply.setEnabled(choices.values().stream().allMatch(g -> g.getValue() != null)));
        choices.put(c.id(), choice);
        var section = new Div(new H4(c.unit() + " " + Texts.display(side.theirs() == null ? c.title() : side.theirs().title())),
                who, compare(side), choice);
        section.setId("unit-conflict-" + c.unit());
        section.addClassName("unit-conflict-unit");
        section.getStyle().set("border-bottom", "1px solid var(--lumo-contrast-10pct)").set("padding-bottom", "var(--lumo-space-s)");
        return section;
    }

    /** The ISO time of the other save in the server's time zone and the designer's format; as given when unreadable. */
    private String when(String at) {
        if (at == null) {
            return "?";
        }
        try {
            return LocalFormats.dateTime(OffsetDateTime.parse(at).atZoneSameInstant(ZoneId.systemDefault()), getLocale());
        } catch (DateTimeParseException notIso) {
            return at;
        }
    }

    /** The fields in which the designer's version and the stored one differ, side by side. */
    private Div compare(Side side) {
        var table = new Div();
        table.addClassName("unit-conflict-compare");
        table.getStyle().set("display", "grid").set("grid-template-columns", "auto 1fr 1fr").set("gap", "var(--lumo-space-xs) var(--lumo-space-m)");
        table.add(new Span(), header("curriculum.ui.unitConflict.mine"), header("curriculum.ui.unitConflict.theirs"));
        int rows = 0;
        rows += row(table, "curriculum.ui.unitConflict.field.code", side, UnitDocument::code);
        rows += row(table, "curriculum.ui.unitConflict.field.title", side, u -> Texts.display(u.title()));
        rows += row(table, "curriculum.ui.unitConflict.field.eqf", side, u -> u.eqfLevel() == null ? "" : u.eqfLevel().toString());
        rows += row(table, "curriculum.ui.unitConflict.field.credits", side, u -> plain(u.credits()));
        rows += row(table, "curriculum.ui.unitConflict.field.hours", side, u -> u.hours() == null ? "" : u.hours().toString());
        rows += row(table, "curriculum.ui.deliveryModes", side, u -> u.deliveryModes().stream().map(EnumLabels::of)
                .collect(Collectors.joining(", ")));
        rows += row(table, "curriculum.ui.unitConflict.field.outcomes", side, u -> u.outcomes().stream()
                .map(o -> o.code() + ": " + Texts.display(o.statement())).collect(Collectors.joining("\n")));
        rows += row(table, "curriculum.ui.periods", side, u -> u.workBasedLearning().stream()
                .map(p -> p.code() + ": " + (p.hours() == null ? "" : p.hours() + " h ") + Texts.display(p.description()))
                .collect(Collectors.joining("\n")));
        rows += row(table, "curriculum.ui.assessments", side, u -> u.assessments().stream()
                .map(a -> a.code() + ": " + (a.method() == null ? "" : EnumLabels.of(a.method())) + " " + a.weight() + " %")
                .collect(Collectors.joining("\n")));
        if (rows == 0) {
            var same = new Span(getTranslation("curriculum.ui.unitConflict.noDifference"));
            same.getStyle().set("grid-column", "1 / -1");
            table.add(same);
        }
        return table;
    }

    /** Adds the field's row when the two versions differ in it; answers 1 when it did. */
    private int row(Div table, String label, Side side, Function<UnitDocument, String> value) {
        String mine = side.mine() == null ? "" : value.apply(side.mine());
        String theirs = side.theirs() == null ? "" : value.apply(side.theirs());
        if (mine.equals(theirs)) {
            return 0;
        }
        var name = new Span(getTranslation(label));
        name.getStyle().set("font-weight", "600");
        var left = cell(mine);
        left.addClassName("unit-conflict-mine");
        var right = cell(theirs);
        right.addClassName("unit-conflict-theirs");
        table.add(name, left, right);
        return 1;
    }

    private static Span cell(String text) {
        var span = new Span(text);
        span.getStyle().set("white-space", "pre-line")
                .set("background", "var(--lumo-warning-color-10pct, var(--lumo-primary-color-10pct))");
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
