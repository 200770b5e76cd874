package org.qualigraph.curriculum.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.SkillCatalog;
import org.qualigraph.curriculum.SkillCatalog.SkillRef;

/**
 * Maps an outcome to ESCO skills. With a skill catalogue it searches as the designer types and suggests skills for
 * the statement and essential skills of the target occupations not yet covered; without one it accepts skill URIs
 * typed in. Chosen skills show as badges with their label, type and reuse level (the bare URI when unknown).
 */
class SkillPicker extends VerticalLayout {

    private static final int SUGGESTIONS = 10;

    private final List<String> skills;
    private final SkillCatalog catalog;
    private final Supplier<String> statement;
    private final Supplier<QualificationDocument> document;
    private final Runnable onChange;
    private final boolean editable;
    private final FlexLayout chips = new FlexLayout();
    /** The language of the statement that suggestions are made for (the key its text is stored under). */
    private final Supplier<String> statementLanguage;

    SkillPicker(List<String> skills, SkillCatalog catalog, Supplier<String> statement, Supplier<String> statementLanguage,
                Supplier<QualificationDocument> document, Runnable onChange, boolean editable) {
        this.statementLanguage = statementLanguage;
        this.skills = skills;
        this.catalog = catalog;
        this.statement = statement;
        this.document = document;
        this.onChange = onChange;
        this.editable = editable;
        addClassName("skill-picker");
        setPadding(false);
        setSpacing(false);
        chips.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        chips.getElement().setAttribute("role", "list");
        chips.getStyle().set("gap", "var(--lumo-space-xs)");
        add(chips);
        if (editable) {
            add(catalog != null ? createSearch() : createUriInput());
        }
        refreshChips();
    }

    private HorizontalLayout createSearch() {
        var search = new ComboBox<SkillRef>();
        search.addClassName("skill-search");
        search.setPlaceholder(getTranslation("curriculum.ui.skills.search"));
        search.setWidth("24em");
        search.setItems(query -> {
            String filter = query.getFilter().orElse("");
            int offset = query.getOffset();
            int limit = query.getLimit();
            return filter.isBlank() ? java.util.stream.Stream.empty()
                    : catalog.search(filter, offset + limit, language()).stream().skip(offset).limit(limit);
        });
        search.setItemLabelGenerator(ref -> describe(ref, getLocale()));
        search.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                addSkill(e.getValue().uri());
                search.clear();
            }
        });
        var suggest = new Button(getTranslation("curriculum.ui.skills.suggest"), VaadinIcon.LIGHTBULB.create(),
                e -> openSuggestions());
        suggest.addClassName("skill-suggest");
        suggest.addThemeVariants(ButtonVariant.LUMO_SMALL);
        search.setMaxWidth("100%");
        var row = new HorizontalLayout(search, suggest);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWidthFull();
        row.getStyle().set("flex-wrap", "wrap");
        return row;
    }

    private HorizontalLayout createUriInput() {
        var uri = new TextField();
        uri.addClassName("skill-uri");
        uri.setPlaceholder("http://data.europa.eu/esco/skill/...");
        uri.setWidth("28em");
        uri.setHelperText(getTranslation("curriculum.ui.skills.nocatalog"));
        var add = new Button(getTranslation("curriculum.ui.skills.add"), e -> {
            String value = uri.getValue().strip();
            if (!isHttpUri(value)) {
                uri.setInvalid(true);
                uri.setErrorMessage(getTranslation("curriculum.ui.skills.baduri"));
                return;
            }
            uri.setInvalid(false);
            addSkill(value);
            uri.clear();
        });
        add.addClassName("skill-uri-add");
        add.addThemeVariants(ButtonVariant.LUMO_SMALL);
        var row = new HorizontalLayout(uri, add);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return row;
    }

    static boolean isHttpUri(String value) {
        try {
            var uri = new URI(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (java.net.URISyntaxException | NullPointerException e) {
            return false;
        }
    }

    private void openSuggestions() {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("curriculum.ui.skills.suggest"));
        dialog.addClassName("skill-suggestions");
        String text = statement.get();
        dialog.add(new H4(getTranslation("curriculum.ui.skills.forStatement")));
        if (text == null || text.isBlank()) {
            dialog.add(suggestionList(List.of()));
        } else {
            var suggestions = catalog.suggestWithReasons(text, SUGGESTIONS);
            String language = statementLanguage.get();
            if (suggestions.byMeaning() && language != null && !catalog.meaningLanguages().contains(language)) {
                var note = new Span(getTranslation("curriculum.ui.skills.meaningLanguage",
                        java.util.Locale.forLanguageTag(language).getDisplayLanguage(getLocale())));
                note.addClassName("skill-suggest-language");
                note.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
                dialog.add(note);
            }
            if (!suggestions.byMeaning()) {
                var note = new Span(getTranslation("curriculum.ui.skills.wordsOnly"));
                note.addClassName("skill-suggest-words-only");
                note.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
                dialog.add(note);
            }
            dialog.add(reasonedList(suggestions.skills()));
        }
        dialog.add(new H4(getTranslation("curriculum.ui.skills.uncovered")));
        dialog.add(suggestionList(catalog.uncoveredEssentialSkills(document.get(), SUGGESTIONS)));
        dialog.getFooter().add(new Button(getTranslation("curriculum.ui.close"), e -> dialog.close()));
        dialog.open();
    }

    private VerticalLayout reasonedList(List<SkillCatalog.Suggestion> suggestions) {
        var list = suggestionList(suggestions.stream().map(SkillCatalog.Suggestion::skill).toList());
        for (int i = 0; i < suggestions.size(); i++) {
            var reasons = suggestions.get(i).matchedBy().stream()
                    .map(m -> getTranslation("curriculum.ui.skills.matchedBy." + m)).toList();
            var why = new Span(String.join(" + ", reasons));
            why.getElement().getThemeList().add("badge contrast small");
            why.addClassName("skill-suggest-reason");
            ((HorizontalLayout) list.getComponentAt(i)).add(why);
        }
        return list;
    }

    private VerticalLayout suggestionList(List<SkillRef> found) {
        // suggestions come labelled in English; shown in the user's language where its ESCO texts were imported
        var shown = found.isEmpty() ? Map.<String, SkillRef>of()
                : catalog.describe(found.stream().map(SkillRef::uri).toList(), language());
        var refs = found.stream().map(ref -> shown.getOrDefault(ref.uri(), ref)).toList();
        var list = new VerticalLayout();
        list.setPadding(false);
        list.setSpacing(false);
        if (refs.isEmpty()) {
            list.add(new Span(getTranslation("curriculum.ui.none")));
        }
        for (var ref : refs) {
            var add = new Button(VaadinIcon.PLUS.create());
            add.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            add.setEnabled(!skills.contains(ref.uri()));
            add.addClickListener(e -> {
                addSkill(ref.uri());
                add.setEnabled(false);
            });
            add.setAriaLabel(getTranslation("curriculum.ui.skills.add") + " " + ref.label());
            var row = new HorizontalLayout(add, new Span(describe(ref, getLocale())));
            row.setAlignItems(FlexComponent.Alignment.CENTER);
            list.add(row);
        }
        return list;
    }

    private void addSkill(String uri) {
        if (!skills.contains(uri)) {
            skills.add(uri);
            refreshChips();
            onChange.run();
        }
    }

    private void refreshChips() {
        chips.removeAll();
        Map<String, SkillRef> known = catalog == null || skills.isEmpty() ? Map.of() : catalog.describe(skills, language());
        Map<String, String> descriptions = catalog == null || skills.isEmpty() ? Map.of() : catalog.descriptions(skills, language());
        for (String uri : List.copyOf(skills)) {
            var ref = known.get(uri);
            String name = ref == null || ref.label() == null ? uri : ref.label();
            var chip = new Span(ref == null ? uri : describe(ref, getLocale()));
            chip.getElement().getThemeList().add("badge pill");
            chip.addClassName("skill-chip");
            // hover shows what the skill means; screen readers hear its name, not its URI
            chip.setTitle(descriptions.containsKey(uri) ? name + " – " + descriptions.get(uri) + "\n" + uri : uri);
            chip.getElement().setAttribute("aria-label", name);
            chip.getElement().setAttribute("role", "listitem");
            chip.getElement().setAttribute("data-uri", uri);
            if (editable) {
                var remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                    skills.remove(uri);
                    refreshChips();
                    onChange.run();
                });
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                remove.setAriaLabel(getTranslation("curriculum.ui.remove") + " " + name);
                chip.add(remove);
            }
            chips.add(chip);
        }
    }

    /** "label · type · reuse level", ESCO's codes in the reader's words ({@link org.qualigraph.base.EscoTerms}). */
    static String describe(SkillRef ref, java.util.Locale locale) {
        var text = new StringBuilder(ref.label() == null ? ref.uri() : ref.label());
        if (ref.skillType() != null && !ref.skillType().isBlank()) {
            text.append(" · ").append(org.qualigraph.base.EscoTerms.skillType(ref.skillType(), locale));
        }
        if (ref.reuseLevel() != null && !ref.reuseLevel().isBlank()) {
            text.append(" · ").append(org.qualigraph.base.EscoTerms.reuseLevel(ref.reuseLevel(), locale));
        }
        return text.toString();
    }

    /** The user's language, in which ESCO labels are shown where that language's texts were imported. */
    private String language() {
        return getLocale() == null ? null : getLocale().getLanguage();
    }
}
