package org.qualigraph.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.i18n.I18NProvider;
import java.nio.file.Files;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The interface speaks the partners' six languages: each has its bundle, the provider offers it, and a language
 * falls back to English (never to the server's default locale) for a key its bundle lacks or when it has no bundle.
 */
class InterfaceLanguagesTest {

    private final I18NProvider provider = new I18nConfiguration().i18nProvider();

    /** Needs the Polish, Italian and Spanish bundles, which another branch adds (issue 20): checked after the merge. */
    @Test
    void everyOfTheSixInterfaceLanguagesHasItsBundleAfterMerge() {
        assertThat(provider.getProvidedLocales()).extracting(Locale::getLanguage)
                .containsExactly("en", "de", "fr", "pl", "it", "es");
        for (Locale locale : provider.getProvidedLocales()) {
            String file = locale.getLanguage().equals("en") ? "translations.properties"
                    : "translations_" + locale.getLanguage() + ".properties";
            assertThat(Files.exists(BundleCompletenessTest.RESOURCES.resolve("vaadin-i18n").resolve(file)))
                    .as("bundle of %s: %s", locale, file).isTrue();
        }
    }

    @Test
    void eachLanguageSpeaksItsOwnBundle() {
        assertThat(provider.getTranslation("menu.qualifications", Locale.ENGLISH)).isEqualTo("Qualifications");
        assertThat(provider.getTranslation("menu.qualifications", Locale.GERMAN)).isEqualTo("Qualifikationen");
        assertThat(provider.getTranslation("menu.qualifications", Locale.FRENCH)).isEqualTo("Certifications");
        assertThat(provider.getTranslation("translation.missingCount", Locale.FRENCH, "polski", 2, 5))
                .isEqualTo("polski : il manque 2 sur 5 textes");
    }

    @Test
    void aLanguageWithoutABundleFallsBackToEnglishNotToTheServerLocale() {
        Locale server = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMAN);
            assertThat(provider.getTranslation("menu.qualifications", Locale.forLanguageTag("sv")))
                    .isEqualTo("Qualifications");
        } finally {
            Locale.setDefault(server);
        }
        assertThat(provider.getTranslation("no.such.key", Locale.GERMAN)).contains("no.such.key");
    }

    @Test
    void theBrowserLanguageChoosesTheInterfaceLanguage() {
        assertThat(UiLanguages.match(java.util.List.of(Locale.forLanguageTag("pl-PL"), Locale.ENGLISH)))
                .isEqualTo(Locale.forLanguageTag("pl"));
        assertThat(UiLanguages.match(java.util.List.of(Locale.forLanguageTag("sv"), Locale.forLanguageTag("de-AT"))))
                .isEqualTo(Locale.GERMAN);
        assertThat(UiLanguages.match(java.util.List.of(Locale.forLanguageTag("ja")))).isEqualTo(Locale.ENGLISH);
        assertThat(UiLanguages.name(Locale.forLanguageTag("pl"))).isEqualTo("Polski");
        assertThat(UiLanguages.name(Locale.GERMAN)).isEqualTo("Deutsch");
    }
}
