package org.qualigraph.curriculum.ui;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qualigraph.curriculum.AssessmentMethod;
import org.qualigraph.curriculum.DeliveryMode;
import org.qualigraph.curriculum.Dimension;
import org.qualigraph.curriculum.KeyCompetence;
import org.qualigraph.curriculum.WblSetting;

/** A unit of the working copy with its outcomes, work-based learning periods and assessments. */
class UnitDraft {

    String id;
    /** The stored version the unit was read at (null for a unit new in this copy): a save says so, see UnitDocument. */
    Long version;
    String code;
    Map<String, String> title = new LinkedHashMap<>();
    Integer eqfLevel;
    BigDecimal credits;
    Integer hours;
    boolean mandatory = true;
    Set<String> prerequisites = new LinkedHashSet<>();
    Set<DeliveryMode> deliveryModes = new LinkedHashSet<>();
    final List<OutcomeDraft> outcomes = new ArrayList<>();
    final List<PeriodDraft> periods = new ArrayList<>();
    final List<AssessmentDraft> assessments = new ArrayList<>();

    int workBasedHours() {
        return periods.stream().mapToInt(p -> p.hours == null ? 0 : p.hours).sum();
    }

    List<String> outcomeCodes() {
        return outcomes.stream().map(o -> o.code).filter(c -> c != null && !c.isBlank()).toList();
    }

    /** A free element code (outcomes, periods, assessments share one code space in a document) with this prefix. */
    String nextCode(String infix, Set<String> taken) {
        String base = (code == null || code.isBlank() ? "U" : code) + "." + infix;
        int n = 1;
        while (taken.contains(base + n)) {
            n++;
        }
        return base + n;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code == null ? null : code.strip();
    }

    public Map<String, String> getTitle() {
        return title;
    }

    public void setTitle(Map<String, String> title) {
        this.title = new LinkedHashMap<>(title == null ? Map.of() : title);
    }

    public Integer getEqfLevel() {
        return eqfLevel;
    }

    public void setEqfLevel(Integer eqfLevel) {
        this.eqfLevel = eqfLevel;
    }

    public BigDecimal getCredits() {
        return credits;
    }

    public void setCredits(BigDecimal credits) {
        this.credits = credits;
    }

    public Integer getHours() {
        return hours;
    }

    public void setHours(Integer hours) {
        this.hours = hours;
    }

    public boolean isMandatory() {
        return mandatory;
    }

    public void setMandatory(boolean mandatory) {
        this.mandatory = mandatory;
    }

    public Set<String> getPrerequisites() {
        return prerequisites;
    }

    public void setPrerequisites(Set<String> prerequisites) {
        this.prerequisites = new LinkedHashSet<>(prerequisites == null ? Set.of() : prerequisites);
    }

    public Set<DeliveryMode> getDeliveryModes() {
        return deliveryModes;
    }

    public void setDeliveryModes(Set<DeliveryMode> deliveryModes) {
        this.deliveryModes = new LinkedHashSet<>(deliveryModes == null ? Set.of() : deliveryModes);
    }

    /** A learning outcome of the unit. */
    static class OutcomeDraft {
        String id;
        String code;
        Dimension dimension;
        Map<String, String> statement = new LinkedHashMap<>();
        Integer eqfLevel;
        final List<String> skills = new ArrayList<>();
        Set<KeyCompetence> keyCompetences = new LinkedHashSet<>();
    }

    /** A work-based learning period. */
    static class PeriodDraft {
        String code;
        Integer hours;
        WblSetting setting;
        Map<String, String> description = new LinkedHashMap<>();
        Set<String> outcomes = new LinkedHashSet<>();
    }

    /** An assessment. */
    static class AssessmentDraft {
        String code;
        AssessmentMethod method;
        Integer weight;
        Set<String> outcomes = new LinkedHashSet<>();
    }
}
