package org.qualigraph.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qualigraph.quality.rules.RuleCatalogue;

/** A rule's source, shown in the quality report, names a published document, never a file of this project. */
class RuleSourcesTest {

    @Test
    void everyRuleNamesAPublishedSource() {
        assertThat(RuleCatalogue.all()).isNotEmpty().allSatisfy(rule -> assertThat(rule.source())
                .as(rule.id()).isNotBlank().doesNotContainPattern("\\.md\\b"));
    }
}
