package org.qualigraph.curriculum.ui;

import com.vaadin.flow.component.HasValidation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.qualigraph.base.FieldProblem;

/**
 * Connects the document paths the server names in a refused save ({@code nqfLevels[1].country}) with the fields that
 * edit them, so the problem is shown where it is: the field turns invalid and carries the message. The path of a row
 * field is computed when a problem arrives, because rows can be added, removed and reordered in between.
 */
final class FieldPaths {

    private record Entry(Supplier<String> path, HasValidation field) {
    }

    private final List<Entry> entries = new ArrayList<>();

    void register(Supplier<String> path, HasValidation field) {
        entries.add(new Entry(path, field));
    }

    /** Marks the fields of these problems; returns the problems no registered field edits. */
    List<FieldProblem> mark(List<FieldProblem> problems) {
        var rest = new ArrayList<FieldProblem>();
        for (var problem : problems) {
            boolean shown = false;
            for (var entry : entries) {
                String path = entry.path().get();
                String field = problem.field() == null ? "" : problem.field();
                if (field.equals(path) || field.startsWith(path + ".") || field.startsWith(path + "[")) {
                    entry.field().setErrorMessage(sentence(problem.message(locale())));
                    entry.field().setInvalid(true);
                    shown = true;
                }
            }
            if (!shown) {
                rest.add(problem);
            }
        }
        return rest;
    }

    void clear() {
        entries.forEach(e -> e.field().setInvalid(false));
    }

    /** The user's interface language, in which the server's problems are told where the bundles hold them. */
    static Locale locale() {
        var ui = com.vaadin.flow.component.UI.getCurrent();
        return ui == null || ui.getLocale() == null ? Locale.ENGLISH : ui.getLocale();
    }

    /** The server's message as a sentence: capitalised, ending with a full stop. */
    static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        String text = message.strip();
        text = text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }
}
