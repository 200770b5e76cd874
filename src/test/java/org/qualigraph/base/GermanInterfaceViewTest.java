package org.qualigraph.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.dom.Element;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.OutcomeDocument;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.support.Documents;
import org.qualigraph.support.ViewTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Walks the main views as a German user and fails on any visible text that neither the German bundle nor the content
 * shown (titles, statements, codes, names) accounts for: English left in code, or a key the German bundle lacks.
 * A text is accounted for when, after removing every literal piece of a German bundle value (the text around its
 * placeholders) and every piece of content, no word of three letters or more is left.
 */
public class GermanInterfaceViewTest extends ViewTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+[^}]*}");
    private static final Pattern WORD = Pattern.compile("\\p{L}{3,}");
    /** Names that are the same in every language. */
    private static final Set<String> NAMES = Set.of("Qualigraph", "ESCO", "EQAVET", "ECVET", "ECTS", "ESG", "ELM", "QDR",
            "LOQ", "XML", "CSV", "PDF", "HTML", "DOCX", "Word", "JSON", "RDF", "ISCO", "ISCED", "URI", "SHACL", "XSD",
            "Europass", "Bloom", "UTC", "admin", "designer", "reviewer");

    @Autowired
    QualificationService service;
    @Autowired
    org.qualigraph.account.AccountService accounts;
    @Autowired
    org.qualigraph.exchange.elm.ElmSchemaLibrary elm;

    @Test
    void everyVisibleTextOfTheMainViewsComesFromTheGermanBundleOrTheContent() throws IOException {
        var demo = service.create(Documents.demo(new ObjectMapper().findAndRegisterModules()), "designer");
        login("admin", Roles.ADMIN, Roles.DESIGNER, Roles.REVIEWER);
        UI.getCurrent().setLocale(Locale.GERMAN);

        var content = new LinkedHashSet<>(contentPieces(service.get(demo.id())));
        accounts.list().forEach(user -> {
            content.add(user.username());
            // a user's partner organisation is a name, shown as the administrators wrote it
            if (user.organisation() != null && !user.organisation().isBlank()) {
                content.add(user.organisation());
            }
        });
        // the user guide is a document in English (docs/user-guide.md), shown as it is written
        UserGuide.load().stream().map(UserGuide.Block::text).filter(t -> t != null && !t.isBlank()).forEach(content::add);
        elm.installed().map(org.qualigraph.exchange.elm.ElmSchemaLibrary.Installed::source).filter(java.util.Objects::nonNull)
                .ifPresent(content::add);
        var pieces = longestFirst(union(germanPieces(), content));
        var unexplained = new LinkedHashSet<String>();
        int seen = 0;
        for (String route : List.of("", "qualifications/" + demo.id(), "admin/users", "admin/reference-data", "help",
                "esco", "profiles", "compare", "import")) {
            UI.getCurrent().navigate(route);
            var sheets = LocatorKt._walkAll(UI.getCurrent());
            List<TabSheet> tabSheets = new ArrayList<>();
            sheets.forEach(c -> {
                if (c instanceof TabSheet sheet) {
                    tabSheets.add(sheet);
                }
            });
            int tabs = tabSheets.isEmpty() ? 1 : tabSheets.get(0).getTabCount();
            for (int t = 0; t < tabs; t++) {
                if (!tabSheets.isEmpty()) {
                    tabSheets.get(0).setSelectedIndex(t);
                }
                for (String text : visibleTexts(UI.getCurrent())) {
                    seen++;
                    if (!explained(text, pieces)) {
                        unexplained.add((route.isEmpty() ? "/" : route) + (tabSheets.isEmpty() ? "" : " tab " + t) + ": " + text);
                    }
                }
            }
        }
        assertThat(seen).as("texts looked at").isGreaterThan(200);
        assertThat(unexplained).as("texts shown to a German user that are not German").isEmpty();
    }

    /**
     * Whether a text shown to a German user is accounted for by the German bundle and these pieces of content (file
     * names, codes, values the user typed), as the walk above checks the views: for the states it does not reach, such
     * as refused uploads and refusals.
     */
    public static boolean isGerman(String text, String... content) throws IOException {
        var pieces = new LinkedHashSet<>(germanPieces());
        for (String piece : content) {
            pieces.add(piece);
        }
        return explained(text, longestFirst(pieces));
    }

    /** A text made only of bundle pieces and content, with no word left over. */
    static boolean explained(String text, List<String> pieces) {
        if (text.matches("[A-Z]\\w*\\[.*]")) {
            return true; // a component in a grid cell (e.g. the action buttons): its texts are looked at by themselves
        }
        String rest = " " + text + " ";
        for (String piece : pieces) {
            rest = rest.replace(piece, " ");
        }
        Matcher words = WORD.matcher(rest);
        while (words.find()) {
            if (!NAMES.contains(words.group())) {
                return false;
            }
        }
        return true;
    }

    /** A value with plural blocks ({@link Plural}) as each of its forms (for 0, 1, 2, 5, 1.5); else the value itself. */
    private static java.util.Set<String> pluralForms(String value) {
        if (!value.contains(",plural,")) {
            return java.util.Set.of(value);
        }
        var forms = new LinkedHashSet<String>();
        for (Object n : List.of(0, 1, 2, 5, new java.math.BigDecimal("1.5"))) {
            Object[] args = new Object[10];
            java.util.Arrays.fill(args, n);
            forms.add(Plural.expand(value, Locale.GERMAN, args));
        }
        return forms;
    }

    /** The literal parts of every German value, longest first. */
    static List<String> germanPieces() throws IOException {
        var german = BundleCompletenessTest.load(BundleCompletenessTest.RESOURCES.resolve("vaadin-i18n/translations_de.properties"));
        var pieces = new LinkedHashSet<String>();
        for (String value : german.stringPropertyNames().stream().map(german::getProperty).toList()) {
            for (String variant : pluralForms(value.replace("''", "'"))) {
                for (String piece : PLACEHOLDER.split(variant)) {
                    String trimmed = piece.strip();
                    if (trimmed.length() >= 2) {
                        pieces.add(trimmed);
                    }
                }
            }
        }
        // language and country names come from Java in the user's language
        for (Locale l : UiLanguages.LOCALES) {
            pieces.add(UiLanguages.name(l));
        }
        for (String code : List.of("bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it",
                "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv", "is", "no", "tr", "mk", "sr")) {
            Locale content = Locale.forLanguageTag(code);
            pieces.add(content.getDisplayLanguage(content));
        }
        for (String country : Locale.getISOCountries()) {
            pieces.add(new Locale("", country).getDisplayCountry(Locale.GERMAN));
        }
        return longestFirst(pieces);
    }

    /** What the demo qualification itself says, in every language, and its codes. */
    static List<String> contentPieces(QualificationDocument doc) {
        var pieces = new LinkedHashSet<String>();
        addAll(pieces, doc.title());
        addAll(pieces, doc.description());
        addAll(pieces, doc.entryRequirements());
        doc.awardingBodies().forEach(b -> pieces.add(b.name()));
        doc.iscedF().forEach(pieces::add);
        pieces.addAll(doc.targetOccupations());
        for (UnitDocument unit : doc.units()) {
            pieces.add(unit.code());
            addAll(pieces, unit.title());
            for (OutcomeDocument outcome : unit.outcomes()) {
                pieces.add(outcome.code());
                addAll(pieces, outcome.statement());
                pieces.addAll(outcome.skills());
            }
            unit.assessments().forEach(a -> pieces.add(a.code()));
            unit.workBasedLearning().forEach(w -> {
                pieces.add(w.code());
                addAll(pieces, w.description());
            });
        }
        for (String code : org.qualigraph.curriculum.IscedF.all().keySet()) {
            pieces.add(code);
        }
        pieces.removeIf(p -> p == null || p.isBlank());
        return longestFirst(pieces);
    }

    private static void addAll(Set<String> pieces, Map<String, String> text) {
        if (text != null) {
            pieces.addAll(text.values());
        }
    }

    private static Set<String> union(java.util.Collection<String> a, java.util.Collection<String> b) {
        var all = new LinkedHashSet<String>(a);
        all.addAll(b);
        return all;
    }

    private static List<String> longestFirst(Set<String> pieces) {
        return pieces.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** Texts a user sees: text nodes, labels, placeholders, helper texts, dialog titles, grid headers and rows. */
    static List<String> visibleTexts(UI ui) {
        var texts = new ArrayList<String>();
        for (Component component : LocatorKt._walkAll(ui)) {
            if (!BasicUtilsKt.isEffectivelyVisible(component) || engineSentence(component)) {
                continue;
            }
            Element element = component.getElement();
            add(texts, element.getText());
            element.getChildren().filter(child -> child.getComponent().isEmpty()).forEach(child -> add(texts, child.getTextRecursively()));
            for (String property : List.of("label", "placeholder", "helperText", "headerTitle")) {
                add(texts, element.getProperty(property));
            }
            if (component instanceof Grid<?> grid) {
                grid.getColumns().forEach(c -> add(texts, c.getHeaderText()));
                for (int row = 0; row < 5; row++) {
                    var cells = GridKt._getFormattedRowOrNull(grid, row);
                    if (cells == null) {
                        break;
                    }
                    cells.forEach(cell -> add(texts, cell));
                }
            }
        }
        return texts;
    }

    /**
     * A rule's source is a citation of the standard it comes from (its official title and article), kept as cited.
     * Findings and rule notes are bundle sentences and are checked like every other text.
     */
    private static boolean engineSentence(Component component) {
        for (Component c = component; c != null; c = c.getParent().orElse(null)) {
            if (c.getClassNames().contains("quality-rule-source")) {
                return true;
            }
        }
        return false;
    }

    private static void add(List<String> texts, String text) {
        if (text != null && !text.isBlank()) {
            texts.add(text.strip());
        }
    }
}
