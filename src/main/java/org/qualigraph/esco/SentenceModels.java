package org.qualigraph.esco;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The two in-process sentence models: the primary one compares statements with statements (near-duplicate outcomes,
 * recognition), and the one {@link #SKILLS qualified "skills"} finds ESCO skills for a statement. Each loads in the
 * background once the application is ready ({@link OnnxSentenceEncoder}). Kept apart because the thresholds of the
 * comparisons were chosen on the first model's similarities, while the second ranks skills better (docs/benchmarks.md).
 */
@Configuration(proxyBeanMethods = false)
class SentenceModels {

    /** The qualifier of the skill-retrieval model. */
    static final String SKILLS = "skills";

    @Bean
    @Primary
    OnnxSentenceEncoder statementEncoder() {
        return new OnnxSentenceEncoder(OnnxSentenceEncoder.STATEMENTS);
    }

    @Bean
    @Qualifier(SKILLS)
    OnnxSentenceEncoder skillEncoder() {
        return new OnnxSentenceEncoder(OnnxSentenceEncoder.SKILL_RETRIEVAL);
    }
}
