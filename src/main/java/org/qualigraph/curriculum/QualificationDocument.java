package org.qualigraph.curriculum;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The qualification document of the public contract: what {@code GET} returns and {@code POST}/{@code PUT} accept.
 * Units, outcomes, periods and assessments refer to each other by {@code code} within one document. Multilingual text
 * is a map from language code to text. Lists are never null once a document has been normalised.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"id", "version", "title", "description", "type", "eqfLevel", "nqfLevels", "iscedF", "ecosystem",
        "creditSystem", "credits", "entryRequirements", "awardingBodies", "targetOccupations", "derivedFrom", "status",
        "units", "ownerOrganisation", "collaborators"})
public record QualificationDocument(
        String id,
        Long version,
        Map<String, String> title,
        Map<String, String> description,
        QualificationType type,
        Integer eqfLevel,
        List<NqfLevel> nqfLevels,
        List<String> iscedF,
        Ecosystem ecosystem,
        CreditSystem creditSystem,
        BigDecimal credits,
        Map<String, String> entryRequirements,
        List<AwardingBody> awardingBodies,
        List<String> targetOccupations,
        String derivedFrom,
        QualificationStatus status,
        List<UnitDocument> units,
        String ownerOrganisation,
        List<String> collaborators) {

    public QualificationDocument {
        title = Texts.copy(title);
        description = Texts.copy(description);
        entryRequirements = Texts.copy(entryRequirements);
        nqfLevels = Texts.list(nqfLevels);
        iscedF = Texts.list(iscedF);
        awardingBodies = Texts.list(awardingBodies);
        targetOccupations = Texts.list(targetOccupations);
        units = Texts.list(units);
        // null collaborators on input means "as stored": a client that does not know the field cannot clear the list
        collaborators = collaborators == null ? null : List.copyOf(collaborators.stream().filter(java.util.Objects::nonNull).toList());
    }

    /** A document without ownership data (older clients and tests): the owner and collaborators stay as stored. */
    public QualificationDocument(String id, Long version, Map<String, String> title, Map<String, String> description,
                                 QualificationType type, Integer eqfLevel, List<NqfLevel> nqfLevels, List<String> iscedF,
                                 Ecosystem ecosystem, CreditSystem creditSystem, BigDecimal credits,
                                 Map<String, String> entryRequirements, List<AwardingBody> awardingBodies,
                                 List<String> targetOccupations, String derivedFrom, QualificationStatus status,
                                 List<UnitDocument> units) {
        this(id, version, title, description, type, eqfLevel, nqfLevels, iscedF, ecosystem, creditSystem, credits,
                entryRequirements, awardingBodies, targetOccupations, derivedFrom, status, units, null, null);
    }

    /** A national level of the qualification; {@code uri} is the QDR concept where known. */
    public record NqfLevel(String country, String level, String uri) {
    }

    /** An organisation that awards the qualification. */
    public record AwardingBody(String name, String country, OrganisationKind kind) {
    }

    public QualificationDocument withIdentity(String newId, Long newVersion, QualificationStatus newStatus, String newDerivedFrom) {
        return new QualificationDocument(newId, newVersion, title, description, type, eqfLevel, nqfLevels, iscedF, ecosystem,
                creditSystem, credits, entryRequirements, awardingBodies, targetOccupations, newDerivedFrom, newStatus, units,
                ownerOrganisation, collaborators);
    }

    public QualificationDocument withUnits(List<UnitDocument> newUnits) {
        return new QualificationDocument(id, version, title, description, type, eqfLevel, nqfLevels, iscedF, ecosystem,
                creditSystem, credits, entryRequirements, awardingBodies, targetOccupations, derivedFrom, status, newUnits,
                ownerOrganisation, collaborators);
    }

    public QualificationDocument withTitle(Map<String, String> newTitle) {
        return new QualificationDocument(id, version, newTitle, description, type, eqfLevel, nqfLevels, iscedF, ecosystem,
                creditSystem, credits, entryRequirements, awardingBodies, targetOccupations, derivedFrom, status, units,
                ownerOrganisation, collaborators);
    }

    /** The same document with other national levels and awarding bodies (a national variant's own). */
    public QualificationDocument withNationalData(List<NqfLevel> newNqfLevels, List<AwardingBody> newAwardingBodies) {
        return new QualificationDocument(id, version, title, description, type, eqfLevel, newNqfLevels, iscedF, ecosystem,
                creditSystem, credits, entryRequirements, newAwardingBodies, targetOccupations, derivedFrom, status, units,
                ownerOrganisation, collaborators);
    }

    /** The same document owned by another partner organisation, with these collaborators. */
    public QualificationDocument withOwnership(String newOwnerOrganisation, List<String> newCollaborators) {
        return new QualificationDocument(id, version, title, description, type, eqfLevel, nqfLevels, iscedF, ecosystem,
                creditSystem, credits, entryRequirements, awardingBodies, targetOccupations, derivedFrom, status, units,
                newOwnerOrganisation, newCollaborators);
    }

    /** The English title, else any title, else an empty string: for lists and messages. */
    public String displayTitle() {
        return Texts.display(title);
    }
}
