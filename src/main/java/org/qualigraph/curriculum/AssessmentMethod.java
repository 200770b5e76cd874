package org.qualigraph.curriculum;

/** How outcomes are assessed. */
public enum AssessmentMethod {
    WRITTEN, ORAL, PRACTICAL_TASK, PROJECT, PORTFOLIO, WORKPLACE_OBSERVATION, PRIOR_LEARNING_VALIDATION
}
