package org.qualigraph.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Singular and plural: "1 Einheit", never "1 Einheiten"; Polish "2 jednostki", "5 jednostek", "12 jednostek",
 * "22 jednostki". The rules ({@link Plural}) and every count sentence of the six bundles.
 */
class PluralTest {

    private static final Locale PL = Locale.forLanguageTag("pl");
    private static final Locale FR = Locale.FRENCH;
    /** English count nouns: "{0} units", "{1} outcome(s)" must be written as a plural block. */
    private static final Pattern BARE_COUNT = Pattern.compile("(?<!(?:Unit|Outcome|when) )\\{(\\d+)(,number[^}]*)?}\\s+(\\S+ )?"
            + "(units|outcomes|findings|errors|warnings|notes|qualifications|credits|comments|texts|skills|occupations"
            + "|concepts|relations|links|hours|words|years|levels|characters|problems|changes|points|[a-z]+\\(s\\))\\b");

    @Test
    void polishHasThreeFormsForWholeNumbersAndOneForFractions() {
        assertThat(List.of(1, 2, 3, 4, 5, 11, 12, 13, 14, 21, 22, 24, 25, 0, 102, 112, 1000))
                .extracting(n -> Plural.category(PL, n))
                .containsExactly("one", "few", "few", "few", "many", "many", "many", "many", "many", "many", "few",
                        "few", "many", "many", "few", "many", "many");
        assertThat(Plural.category(PL, new BigDecimal("1.5"))).isEqualTo("other");
        assertThat(Plural.category(PL, new BigDecimal("2.0"))).isEqualTo("few");
    }

    @Test
    void englishGermanItalianSpanishHaveOneOnlyForOneAndFrenchForZeroAndOne() {
        for (String language : List.of("en", "de", "it", "es")) {
            Locale locale = Locale.forLanguageTag(language);
            assertThat(Plural.category(locale, 1)).as(language).isEqualTo("one");
            assertThat(Plural.category(locale, 0)).as(language).isEqualTo("other");
            assertThat(Plural.category(locale, 2)).as(language).isEqualTo("other");
            assertThat(Plural.category(locale, new BigDecimal("1.5"))).as(language).isEqualTo("other");
        }
        assertThat(Plural.category(FR, 0)).isEqualTo("one");
        assertThat(Plural.category(FR, new BigDecimal("1.5"))).isEqualTo("one");
        assertThat(Plural.category(FR, 2)).isEqualTo("other");
    }

    @Test
    void aBlockPicksTheFormAndAnExactValueWins() {
        String pattern = "{0,plural,=0{none} one{# unit} other{# units}} in {1}";
        assertThat(Plural.expand(pattern, Locale.ENGLISH, 0, "A")).isEqualTo("none in {1}");
        assertThat(Plural.expand(pattern, Locale.ENGLISH, 1, "A")).isEqualTo("{0} unit in {1}");
        assertThat(Plural.expand(pattern, Locale.ENGLISH, "7", "A")).isEqualTo("{0} units in {1}");
        assertThat(Plural.expand("no block {0}", Locale.ENGLISH, 1)).isEqualTo("no block {0}");
    }

    @Test
    void germanSaysOneUnitAndPolishTheRightFormOnScreen() {
        var provider = new I18nConfiguration.BundleProvider();
        assertThat(provider.getTranslation("exchange.csv.unitsAdded", Locale.GERMAN, 1)).isEqualTo("1 Einheit hinzugefügt");
        assertThat(provider.getTranslation("exchange.csv.unitsAdded", Locale.GERMAN, 3)).isEqualTo("3 Einheiten hinzugefügt");
        assertThat(provider.getTranslation("audit.detail.counts", Locale.GERMAN, 1, 1)).isEqualTo("1 Einheit, 1 Lernergebnis");
        assertThat(provider.getTranslation("exchange.csv.unitsAdded", PL, 1)).isEqualTo("1 jednostka dodana");
        assertThat(provider.getTranslation("exchange.csv.unitsAdded", PL, 3)).isEqualTo("3 jednostki dodane");
        assertThat(provider.getTranslation("exchange.csv.unitsAdded", PL, 5)).isEqualTo("5 jednostek dodanych");
        assertThat(provider.getTranslation("exchange.csv.unitsAdded", PL, 12)).isEqualTo("12 jednostek dodanych");
        assertThat(provider.getTranslation("exchange.csv.unitsAdded", PL, 22)).isEqualTo("22 jednostki dodane");
        assertThat(provider.getTranslation("quality.summary", Locale.ENGLISH, 1, 0, 2)).isEqualTo("1 error · 0 warnings · 2 notes");
        assertThat(provider.getTranslation("quality.summary", PL, 2, 5, 1)).isEqualTo("2 błędy · 5 ostrzeżeń · 1 informacja");
        assertThat(provider.getTranslation("quality.summary", FR, 0, 1, 2)).isEqualTo("0 erreur · 1 avertissement · 2 remarques");
    }

    @Test
    void serviceSentencesAndDocumentsFollowTheRulesToo() {
        assertThat(Message.of("problem.tooLong", 64).in(PL)).isEqualTo("może mieć najwyżej 64 znaki");
        assertThat(Message.of("problem.tooLong", 500).in(PL)).isEqualTo("może mieć najwyżej 500 znaków");
        assertThat(Message.of("quality.problem.short", 1).in(Locale.GERMAN)).isEqualTo("ist sehr kurz (1 Wort)");
        assertThat(Message.of("quality.finding.CREDIT-01.unit", "U1", new BigDecimal("1.5")).in(PL))
                .isEqualTo("U1 ma 1,5 punktu; liczba punktów musi być większa od 0.");
    }

    /**
     * Every count sentence of English is a plural block; in each other language the same argument is a plural block
     * too, with the forms that language needs (Polish one, few and many), or stands as a label after a colon.
     * Formatting each with 1, 2, 5 and 22 must not fail.
     */
    @Test
    void everyCountSentenceOfTheSixBundlesHasItsForms() throws IOException {
        var problems = new ArrayList<String>();
        for (String folder : List.of("vaadin-i18n/translations", "exchange/document")) {
            String[] parts = folder.split("/");
            Properties english = BundleCompletenessTest.load(BundleCompletenessTest.RESOURCES.resolve(parts[0])
                    .resolve(parts[1] + ".properties"));
            for (String key : new TreeSet<>(english.stringPropertyNames())) {
                Matcher bare = BARE_COUNT.matcher(english.getProperty(key));
                if (bare.find()) {
                    problems.add("en: " + key + " counts without a plural block: \"" + bare.group() + "\"");
                }
            }
            for (Path file : BundleCompletenessTest.languageFiles(parts[0], parts[1])) {
                Properties language = BundleCompletenessTest.load(file);
                String code = file.getFileName().toString().replaceAll(".*_([a-z]+)\\.properties", "$1");
                for (String key : new TreeSet<>(english.stringPropertyNames())) {
                    String value = language.getProperty(key);
                    if (value == null) {
                        continue;
                    }
                    for (String arg : pluralArguments(english.getProperty(key))) {
                        boolean block = value.contains("{" + arg + ",plural,");
                        boolean label = value.matches("(?s).*:\\s*\\{" + arg + "}.*");
                        if (!block && !label) {
                            problems.add(code + ": " + key + " counts {" + arg + "} without a plural block");
                        }
                        if (block && code.equals("pl") && !pluralForms(value, arg).containsAll(List.of("one", "few", "many"))) {
                            problems.add("pl: " + key + " needs one, few and many for {" + arg + "}, has " + pluralForms(value, arg));
                        }
                    }
                    if (value.contains(",plural,")) {
                        Object[] args = {1, 1, 1, 1, 1, 1, 1};
                        for (int n : new int[] {1, 2, 5, 22}) {
                            java.util.Arrays.fill(args, n);
                            try {
                                new java.text.MessageFormat(Plural.expand(value, Locale.forLanguageTag(code), args)).format(args);
                            } catch (RuntimeException e) {
                                problems.add(code + ": " + key + " does not format: " + e.getMessage());
                            }
                        }
                    }
                }
            }
        }
        assertThat(problems).as("count sentences").isEmpty();
    }

    private static List<String> pluralArguments(String english) {
        var found = new ArrayList<String>();
        Matcher m = Pattern.compile("\\{(\\d+),plural,").matcher(english);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static List<String> pluralForms(String value, String arg) {
        int start = value.indexOf("{" + arg + ",plural,");
        var forms = new ArrayList<String>();
        int depth = 0;
        Matcher form = Pattern.compile("(=\\d+|zero|one|two|few|many|other)\\s*\\{|[{}]").matcher(value);
        form.region(start + ("{" + arg + ",plural,").length(), value.length());
        while (form.find()) {
            if (form.group(1) != null) {
                if (depth == 0) {
                    forms.add(form.group(1));
                }
                depth++;
            } else if (form.group().equals("{")) {
                depth++;
            } else if (depth-- == 0) {
                break;
            }
        }
        return forms;
    }
}
