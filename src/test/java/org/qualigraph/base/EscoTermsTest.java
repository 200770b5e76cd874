package org.qualigraph.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** ESCO's English codes (relation, skill type, reuse level) in the reader's words; unknown codes as ESCO writes them. */
class EscoTermsTest {

    @Test
    void relationTypesAreWordsOfTheReadersLanguage() {
        assertThat(EscoTerms.relationType("essential", Locale.GERMAN)).isEqualTo("wesentlich");
        assertThat(EscoTerms.relationType("optional", Locale.forLanguageTag("pl"))).isEqualTo("opcjonalna");
        assertThat(EscoTerms.relationType("essential", Locale.FRENCH)).isEqualTo("essentielle");
        assertThat(EscoTerms.relationType("essential", Locale.ENGLISH)).isEqualTo("essential");
        assertThat(EscoTerms.relationType("recommended", Locale.GERMAN)).isEqualTo("recommended");
    }

    @Test
    void skillTypesAndReuseLevelsToo() {
        assertThat(EscoTerms.skillType("skill/competence", Locale.forLanguageTag("pl"))).isNotEqualTo("skill/competence");
        assertThat(EscoTerms.reuseLevel("cross-sector", Locale.GERMAN)).isNotEqualTo("cross-sector");
    }
}
