package org.qualigraph.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every code the UI can show has a label in English and in German, and none of the labels is the code itself. */
class EnumLabelsTest {

    static Stream<Class<? extends Enum<?>>> shownEnums() {
        return Stream.of(org.qualigraph.curriculum.QualificationType.class, org.qualigraph.curriculum.Ecosystem.class,
                org.qualigraph.curriculum.CreditSystem.class, org.qualigraph.curriculum.OrganisationKind.class,
                org.qualigraph.curriculum.Dimension.class, org.qualigraph.curriculum.AssessmentMethod.class,
                org.qualigraph.curriculum.DeliveryMode.class, org.qualigraph.curriculum.WblSetting.class,
                org.qualigraph.curriculum.QualificationStatus.class, org.qualigraph.curriculum.KeyCompetence.class,
                org.qualigraph.quality.Severity.class, org.qualigraph.quality.StandardGroup.class,
                org.qualigraph.quality.Governance.StakeholderKind.class, org.qualigraph.quality.Governance.QualityPhase.class,
                org.qualigraph.quality.OutcomeWritingAdvisor.Bloom.class, org.qualigraph.jobs.JobState.class);
    }

    @ParameterizedTest
    @MethodSource("shownEnums")
    void everyConstantHasAnEnglishAndAGermanLabel(Class<? extends Enum<?>> type) throws IOException {
        var english = bundle("vaadin-i18n/translations.properties");
        var german = bundle("vaadin-i18n/translations_de.properties");
        var missing = new ArrayList<String>();
        for (Enum<?> constant : type.getEnumConstants()) {
            String key = EnumLabels.key(constant);
            for (var bundle : List.of(english, german)) {
                String label = bundle.getProperty(key);
                if (label == null || label.isBlank() || label.equals(constant.name())) {
                    missing.add(key + (bundle == english ? " (en)" : " (de)"));
                }
            }
            assertThat(english.getProperty(key, "")).doesNotMatch("[A-Z]{2,}_[A-Z_]+");
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void outsideAVaadinRequestALabelIsTheCodeInWords() {
        assertThat(EnumLabels.of(org.qualigraph.curriculum.QualificationStatus.CHANGES_REQUESTED)).isEqualTo("Changes requested");
        assertThat(EnumLabels.of(null)).isEmpty();
    }

    private static Properties bundle(String name) throws IOException {
        var properties = new Properties();
        try (var in = EnumLabelsTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
