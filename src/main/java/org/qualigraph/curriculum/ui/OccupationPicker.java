package org.qualigraph.curriculum.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.qualigraph.curriculum.OccupationCatalog;
import org.qualigraph.curriculum.OccupationCatalog.OccupationRef;
import org.qualigraph.curriculum.ui.QualificationDraft.UriDraft;

/**
 * The qualification's target occupations, chosen by name: each chosen occupation shows its ESCO label and ISCO group
 * (the URI as tooltip and link into the ESCO browser), and a search box finds occupations by their preferred or
 * alternative labels. Without imported ESCO data nothing is found, so a pasted occupation URI is accepted too.
 */
class OccupationPicker extends Composite<VerticalLayout> implements HasValidation {

    static final int RESULTS = 20;

    private final List<UriDraft> targets;
    private final OccupationCatalog catalog;
    private final boolean editable;
    private final Runnable onChange;
    private final Map<String, OccupationRef> known = new HashMap<>();
    private final FlexLayout chosen = new FlexLayout();
    private final ComboBox<OccupationRef> search = new ComboBox<>();

    OccupationPicker(List<UriDraft> targets, OccupationCatalog catalog, boolean editable, Runnable onChange) {
        this.targets = targets;
        this.catalog = catalog;
        this.editable = editable;
        this.onChange = onChange;
        var layout = getContent();
        layout.setId("target-occupations");
        layout.setPadding(false);
        layout.setSpacing(false);
        chosen.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        chosen.getStyle().set("gap", "var(--lumo-space-s)");
        chosen.setWidthFull();
        layout.add(chosen);
        if (catalog != null) {
            known.putAll(catalog.describeOccupations(targets.stream().map(t -> t.uri).filter(u -> u != null && !u.isBlank())
                    .toList(), language()));
        }
        if (editable) {
            layout.add(createSearch());
        }
        refresh();
    }

    private ComboBox<OccupationRef> createSearch() {
        search.setId("target-occupation-search");
        search.setLabel(getTranslation("curriculum.ui.targets.find"));
        search.setPlaceholder(getTranslation("curriculum.ui.targets.placeholder"));
        search.setHelperText(getTranslation("curriculum.ui.targets.help"));
        search.setWidthFull();
        search.setMaxWidth("36em");
        search.setClearButtonVisible(true);
        search.setAllowCustomValue(true);
        search.setItems(query -> {
            String filter = query.getFilter().orElse("").strip();
            if (catalog == null || filter.length() < 2) {
                return java.util.stream.Stream.<OccupationRef>empty().skip(query.getOffset()).limit(query.getLimit());
            }
            return catalog.findOccupations(filter, Math.min(RESULTS, query.getOffset() + query.getLimit()), language()).stream()
                    .skip(query.getOffset()).limit(query.getLimit());
        });
        search.setItemLabelGenerator(this::display);
        search.setRenderer(LitRenderer.<OccupationRef>of("""
                <div><span>${item.label}</span> <span style="color: var(--lumo-secondary-text-color)">${item.isco}</span>
                <div style="font-size: var(--lumo-font-size-s); color: var(--lumo-secondary-text-color)">${item.alt}</div></div>""")
                .withProperty("label", OccupationRef::label)
                .withProperty("isco", o -> o.iscoGroup() == null ? "" : getTranslation("curriculum.ui.targets.isco", o.iscoGroup()))
                .withProperty("alt", o -> o.altLabels().isEmpty() ? "" : getTranslation("curriculum.ui.targets.alt",
                        String.join("; ", o.altLabels().stream().limit(3).toList()))));
        search.addValueChangeListener(e -> {
            if (e.isFromClient() || e.getValue() != null) {
                var picked = e.getValue();
                if (picked != null) {
                    known.put(picked.uri(), picked);
                    add(picked.uri());
                    search.clear();
                }
            }
        });
        search.addCustomValueSetListener(e -> {
            String typed = e.getDetail() == null ? "" : e.getDetail().strip();
            if (SkillPicker.isHttpUri(typed)) {
                add(typed);
                search.clear();
            } else if (!typed.isEmpty()) {
                search.setErrorMessage(getTranslation("curriculum.ui.targets.notFound", typed));
                search.setInvalid(true);
            }
        });
        return search;
    }

    /** Adds the occupation unless it is already a target. */
    void add(String uri) {
        search.setInvalid(false);
        if (targets.stream().noneMatch(t -> uri.equals(t.uri))) {
            targets.add(new UriDraft(uri));
            refresh();
            onChange.run();
        }
    }

    private void refresh() {
        chosen.removeAll();
        if (targets.isEmpty()) {
            var none = new Span(getTranslation("curriculum.ui.none"));
            none.addClassName("empty-list");
            chosen.add(none);
        }
        for (var target : List.copyOf(targets)) {
            chosen.add(chip(target));
        }
    }

    private Div chip(UriDraft target) {
        String uri = target.uri == null ? "" : target.uri;
        var ref = known.get(uri);
        var name = new Anchor("esco?occupation=" + java.net.URLEncoder.encode(uri, java.nio.charset.StandardCharsets.UTF_8),
                ref == null ? uri : ref.label());
        name.getElement().setAttribute("title", uri);
        var row = new HorizontalLayout(name);
        row.setSpacing(false);
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        row.getStyle().set("gap", "var(--lumo-space-xs)");
        if (ref != null && ref.iscoGroup() != null) {
            var isco = new Span(getTranslation("curriculum.ui.targets.isco", ref.iscoGroup()));
            isco.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            row.add(isco);
        }
        if (editable) {
            var remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                targets.remove(target);
                refresh();
                onChange.run();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            remove.setAriaLabel(getTranslation("curriculum.ui.targets.remove", ref == null ? uri : ref.label()));
            remove.addClassName("remove-target");
            row.add(remove);
        }
        var chip = new Div(row);
        chip.addClassName("target-occupation");
        chip.getElement().setAttribute("data-uri", uri);
        chip.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "0 var(--lumo-space-s)").set("max-width", "100%");
        return chip;
    }

    private String display(OccupationRef o) {
        return o.iscoGroup() == null ? o.label() : o.label() + " (" + getTranslation("curriculum.ui.targets.isco", o.iscoGroup()) + ")";
    }

    @Override
    public void setErrorMessage(String errorMessage) {
        search.setErrorMessage(errorMessage);
    }

    @Override
    public String getErrorMessage() {
        return search.getErrorMessage();
    }

    @Override
    public void setInvalid(boolean invalid) {
        search.setInvalid(invalid);
    }

    @Override
    public boolean isInvalid() {
        return search.isInvalid();
    }

    /** The user's language, in which ESCO labels are shown where that language's texts were imported. */
    private String language() {
        return getLocale() == null ? null : getLocale().getLanguage();
    }
}
