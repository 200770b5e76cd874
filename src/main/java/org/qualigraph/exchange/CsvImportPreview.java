package org.qualigraph.exchange;

import java.util.List;

/**
 * What applying a CSV would change in a qualification, by code: units and outcomes (as {@code UNIT/OUTCOME}) added,
 * changed and removed. Shown to the designer before they confirm.
 */
public record CsvImportPreview(List<String> unitsAdded, List<String> unitsChanged, List<String> unitsRemoved,
                               List<String> outcomesAdded, List<String> outcomesChanged, List<String> outcomesRemoved) {

    public boolean isEmpty() {
        return unitsAdded.isEmpty() && unitsChanged.isEmpty() && unitsRemoved.isEmpty() && outcomesAdded.isEmpty()
                && outcomesChanged.isEmpty() && outcomesRemoved.isEmpty();
    }
}
