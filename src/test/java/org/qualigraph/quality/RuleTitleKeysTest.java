package org.qualigraph.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.qualigraph.quality.rules.RuleCatalogue;

/** The quality report shows each rule's title from the bundle; every rule of the catalogue has one. */
class RuleTitleKeysTest {

    @Test
    void everyRuleHasATitleInTheBundle() throws Exception {
        var english = new Properties();
        try (var reader = new InputStreamReader(Files.newInputStream(
                Path.of("src/main/resources/vaadin-i18n/translations.properties")), StandardCharsets.UTF_8)) {
            english.load(reader);
        }
        for (QualityRule rule : RuleCatalogue.all()) {
            assertThat(english.getProperty("quality.rule." + rule.id())).as(rule.id()).isEqualTo(rule.title());
        }
    }
}
