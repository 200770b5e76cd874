package org.qualigraph.quality;

/** The standard a rule belongs to; the report groups rules and findings by it, in this order. */
public enum StandardGroup {
    EQF("EQF levels and dimensions"),
    ELM("ELM / Europass QDR minimum data"),
    CREDITS("Credits and workload (ECTS, ECVET, QF-EHEA)"),
    OUTCOMES("Outcome writing (Cedefop, Bloom)"),
    ESCO("Labour-market relevance (ESCO)"),
    WORK_BASED_LEARNING("Work-based learning (apprenticeship framework 2018)"),
    ALIGNMENT("Assessment and alignment (ESG 1.2 / 1.3)"),
    ESG("Design, approval and review (ESG)"),
    EQAVET("Quality cycle and indicators (EQAVET)");

    private final String label;

    StandardGroup(String label) {
        this.label = label;
    }

    /** English label, used in the REST answer; the UI translates by {@code quality.standard.<NAME>}. */
    public String label() {
        return label;
    }
}
