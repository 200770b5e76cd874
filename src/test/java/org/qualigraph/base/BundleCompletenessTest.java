package org.qualigraph.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every language bundle of the interface ({@code vaadin-i18n/translations_*.properties}) and of the documents
 * ({@code exchange/document_*.properties}) says everything English says: no key missing, none blank, no key English
 * does not have (a typo there would never be shown), the same placeholders ({0}, {1}...) and no lone apostrophe in a
 * message with placeholders, where {@link java.text.MessageFormat} would swallow the rest of the text.
 */
class BundleCompletenessTest {

    static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    @Test
    void everyInterfaceBundleHasEveryEnglishKey() throws IOException {
        var problems = check("vaadin-i18n", "translations");
        assertThat(problems).as("problems in the interface bundles").isEmpty();
    }

    @Test
    void everyDocumentBundleHasEveryEnglishKey() throws IOException {
        var problems = check("exchange", "document");
        assertThat(problems).as("problems in the document bundles").isEmpty();
    }

    @Test
    void theBundlesCheckedAreTheOnesOnDisk() throws IOException {
        // the checks above would pass vacuously if they found no language file
        assertThat(languageFiles("vaadin-i18n", "translations")).extracting(p -> p.getFileName().toString())
                .contains("translations_de.properties", "translations_fr.properties");
        assertThat(languageFiles("exchange", "document")).isNotEmpty();
    }

    @Test
    void noBundleDefinesAKeyTwice() throws IOException {
        // Properties keeps the last of two lines with one key, silently: a merge that kept both an old and a new
        // sentence once showed the old one
        var problems = new ArrayList<String>();
        for (String[] bundle : new String[][] {{"vaadin-i18n", "translations"}, {"exchange", "document"}}) {
            var files = new ArrayList<>(languageFiles(bundle[0], bundle[1]));
            files.add(RESOURCES.resolve(bundle[0]).resolve(bundle[1] + ".properties"));
            for (Path file : files) {
                var seen = new java.util.HashSet<String>();
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String trimmed = line.strip();
                    int equals = trimmed.indexOf('=');
                    if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!") || equals < 1) {
                        continue;
                    }
                    String key = trimmed.substring(0, equals).strip();
                    if (!seen.add(key)) {
                        problems.add(file.getFileName() + ": " + key + " is defined twice");
                    }
                }
            }
        }
        assertThat(problems).as("keys defined twice").isEmpty();
    }

    static List<String> check(String folder, String base) throws IOException {
        Properties english = load(RESOURCES.resolve(folder).resolve(base + ".properties"));
        assertThat(english).as(folder + "/" + base + ".properties").isNotEmpty();
        var problems = new ArrayList<String>();
        for (Path file : languageFiles(folder, base)) {
            Properties language = load(file);
            String name = file.getFileName().toString();
            for (String key : new TreeSet<>(english.stringPropertyNames())) {
                String value = language.getProperty(key);
                if (value == null) {
                    problems.add(name + ": missing " + key);
                } else if (value.isBlank()) {
                    problems.add(name + ": empty " + key);
                } else {
                    String source = english.getProperty(key);
                    if (!placeholders(source).equals(placeholders(value))) {
                        problems.add(name + ": " + key + " has placeholders " + placeholders(value) + ", English "
                                + placeholders(source));
                    }
                    if (!placeholders(source).isEmpty() && value.replace("''", "").contains("'")) {
                        problems.add(name + ": " + key + " has a lone apostrophe (write ’ or '')");
                    }
                }
            }
            for (String key : language.stringPropertyNames()) {
                if (!english.containsKey(key)) {
                    problems.add(name + ": " + key + " is not an English key");
                }
            }
        }
        return problems;
    }

    static List<Path> languageFiles(String folder, String base) throws IOException {
        try (Stream<Path> files = Files.list(RESOURCES.resolve(folder))) {
            return files.filter(p -> p.getFileName().toString().matches(Pattern.quote(base) + "_[a-z]{2,3}(_[A-Z]{2})?\\.properties"))
                    .sorted().toList();
        }
    }

    static Properties load(Path file) throws IOException {
        var properties = new Properties();
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static TreeSet<String> placeholders(String text) {
        var found = new TreeSet<String>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
