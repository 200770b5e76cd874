package org.qualigraph.curriculum.ui;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qualigraph.curriculum.CreditSystem;
import org.qualigraph.curriculum.Ecosystem;
import org.qualigraph.curriculum.OrganisationKind;
import org.qualigraph.curriculum.QualificationStatus;
import org.qualigraph.curriculum.QualificationType;

/**
 * The editor's mutable working copy of a qualification. Fields and grids write into it; Save turns it back into a
 * document ({@link DraftMapper}). Nothing here is stored until then, so a reload simply throws it away.
 */
class QualificationDraft {

    String id;
    Long version;
    QualificationStatus status;
    String derivedFrom;
    Map<String, String> title = new LinkedHashMap<>();
    Map<String, String> description = new LinkedHashMap<>();
    Map<String, String> entryRequirements = new LinkedHashMap<>();
    QualificationType type;
    Integer eqfLevel;
    final List<NqfDraft> nqfLevels = new ArrayList<>();
    Set<String> iscedF = new LinkedHashSet<>();
    Ecosystem ecosystem;
    CreditSystem creditSystem;
    BigDecimal credits;
    final List<BodyDraft> awardingBodies = new ArrayList<>();
    final List<UriDraft> targetOccupations = new ArrayList<>();
    final List<UnitDraft> units = new ArrayList<>();

    Optional<UnitDraft> unit(String code) {
        return units.stream().filter(u -> code != null && code.equals(u.code)).findFirst();
    }

    Optional<UnitDraft> unitOfOutcome(String outcomeCode) {
        return units.stream().filter(u -> u.outcomes.stream().anyMatch(o -> outcomeCode != null && outcomeCode.equals(o.code)))
                .findFirst();
    }

    // Binder getters and setters (the form binds through them).
    public Map<String, String> getTitle() {
        return title;
    }

    public void setTitle(Map<String, String> title) {
        this.title = new LinkedHashMap<>(title == null ? Map.of() : title);
    }

    public Map<String, String> getDescription() {
        return description;
    }

    public void setDescription(Map<String, String> description) {
        this.description = new LinkedHashMap<>(description == null ? Map.of() : description);
    }

    public Map<String, String> getEntryRequirements() {
        return entryRequirements;
    }

    public void setEntryRequirements(Map<String, String> entryRequirements) {
        this.entryRequirements = new LinkedHashMap<>(entryRequirements == null ? Map.of() : entryRequirements);
    }

    public QualificationType getType() {
        return type;
    }

    public void setType(QualificationType type) {
        this.type = type;
    }

    public Integer getEqfLevel() {
        return eqfLevel;
    }

    public void setEqfLevel(Integer eqfLevel) {
        this.eqfLevel = eqfLevel;
    }

    public Set<String> getIscedF() {
        return iscedF;
    }

    public void setIscedF(Set<String> iscedF) {
        this.iscedF = new LinkedHashSet<>(iscedF == null ? Set.of() : iscedF);
    }

    public Ecosystem getEcosystem() {
        return ecosystem;
    }

    public void setEcosystem(Ecosystem ecosystem) {
        this.ecosystem = ecosystem;
    }

    public CreditSystem getCreditSystem() {
        return creditSystem;
    }

    public void setCreditSystem(CreditSystem creditSystem) {
        this.creditSystem = creditSystem;
    }

    public BigDecimal getCredits() {
        return credits;
    }

    public void setCredits(BigDecimal credits) {
        this.credits = credits;
    }

    /** A national framework level row. */
    static class NqfDraft {
        String country;
        String level;
        String uri;
    }

    /** An awarding body row. */
    static class BodyDraft {
        String name;
        String country;
        OrganisationKind kind;
    }

    /** A row holding one URI (target occupations). */
    static class UriDraft {
        String uri;

        UriDraft(String uri) {
            this.uri = uri;
        }
    }
}
