package org.qualigraph.exchange;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.qualigraph.curriculum.Dimension;
import org.qualigraph.curriculum.OutcomeDocument;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.Texts;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.esco.EscoCatalog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The qualification as a 1EdTech CASE 1.1 package ({@code getCFPackage} JSON binding), for learning platforms and
 * standards registries that import competency frameworks: the qualification is the CFDocument, units and outcomes are
 * CFItems tied together with {@code isChildOf}, prerequisites are {@code precedes} and ESCO links are
 * {@code exactMatchOf} associations to external targets ({@code targetType "ext:esco"}).
 * <p>
 * Identifiers are name-based UUIDs of the stored ids, so a re-export of the same qualification keeps every identifier
 * and a registry can update instead of duplicating. URIs are {@code urn:uuid:} URNs of those identifiers.
 */
@Component
class CaseJsonExporter implements Exporter {

    static final String ESCO_TARGET = "ext:esco";
    private static final Pattern UUID_TAIL = Pattern.compile(".*/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12})$");

    private final ObjectProvider<EscoCatalog> escoCatalog;
    private final org.qualigraph.curriculum.PersistentIdentifiers identifiers;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    CaseJsonExporter(ObjectProvider<EscoCatalog> escoCatalog) {
        this(escoCatalog, null);
    }

    /** A published qualification's CFDocument carries its persistent identifier as {@code uri}. */
    @org.springframework.beans.factory.annotation.Autowired
    CaseJsonExporter(ObjectProvider<EscoCatalog> escoCatalog, org.qualigraph.curriculum.PersistentIdentifiers identifiers) {
        this.escoCatalog = escoCatalog;
        this.identifiers = identifiers;
    }

    @Override
    public String format() {
        return "case-json";
    }

    @Override
    public String label() {
        return "1EdTech CASE 1.1 package (JSON)";
    }

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public String extension() {
        return "case.json";
    }

    @Override
    public void write(QualificationDocument document, String language, OutputStream out) throws IOException {
        json.writeValue(out, build(document, language));
    }

    ObjectNode build(QualificationDocument doc, String language) {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String qualificationKey = doc.id() != null ? doc.id() : "title:" + doc.displayTitle();
        String documentId = uuid("qualification", qualificationKey);
        Map<String, String> skillLabels = skillLabels(doc);

        var pkg = json.createObjectNode();
        var cfDocument = pkg.putObject("CFDocument");
        cfDocument.put("identifier", documentId);
        cfDocument.put("uri", identifiers == null ? urn(documentId) : identifiers.of(doc).orElse(urn(documentId)));
        cfDocument.put("frameworkType", "qualification");
        cfDocument.put("caseVersion", "1.1");
        cfDocument.put("creator", doc.awardingBodies().isEmpty() ? "Qualigraph"
                : String.join(", ", doc.awardingBodies().stream().map(QualificationDocument.AwardingBody::name).toList()));
        cfDocument.put("title", Texts.in(doc.title(), language));
        cfDocument.put("lastChangeDateTime", now);
        String description = Texts.in(doc.description(), language);
        if (!description.isBlank()) {
            cfDocument.put("description", description);
        }
        cfDocument.put("language", doc.title().containsKey(language) ? language : "en");
        if (doc.version() != null) {
            cfDocument.put("version", String.valueOf(doc.version()));
        }
        cfDocument.put("adoptionStatus", doc.status() == null ? "Draft" : humanise(doc.status().name()));
        var extensions = cfDocument.putObject("extensions");
        if (doc.eqfLevel() != null) {
            extensions.put("eqfLevel", "http://data.europa.eu/snb/eqf/" + doc.eqfLevel());
        }
        if (doc.id() != null) {
            extensions.put("qualigraphId", doc.id());
        }
        var documentLink = link(Texts.in(doc.title(), language), documentId);

        ArrayNode items = pkg.putArray("CFItems");
        ArrayNode associations = pkg.putArray("CFAssociations");
        Map<String, String> unitIds = new HashMap<>();
        for (UnitDocument unit : doc.units()) {
            unitIds.put(unit.code(), uuid("unit", qualificationKey + "/" + (unit.id() != null ? unit.id() : unit.code())));
        }
        int unitSequence = 0;
        for (UnitDocument unit : doc.units()) {
            String unitId = unitIds.get(unit.code());
            String unitTitle = Texts.in(unit.title(), language);
            var item = items.addObject();
            item.put("identifier", unitId);
            item.put("fullStatement", unitTitle.isBlank() ? unit.code() : unitTitle);
            item.put("CFItemType", "Unit");
            item.put("uri", urn(unitId));
            item.put("humanCodingScheme", unit.code());
            item.put("listEnumeration", String.valueOf(++unitSequence));
            if (unit.eqfLevel() != null) {
                item.putArray("educationLevel").add("EQF " + unit.eqfLevel());
            }
            item.put("language", unit.title().containsKey(language) ? language : "en");
            item.put("lastChangeDateTime", now);
            var unitLink = link(unitTitle.isBlank() ? unit.code() : unitTitle, unitId);
            association(associations, "isChildOf", unitLink, documentLink, unitSequence, now);

            int outcomeSequence = 0;
            for (OutcomeDocument outcome : unit.outcomes()) {
                String outcomeId = uuid("outcome", qualificationKey + "/" + unit.code() + "/"
                        + (outcome.id() != null ? outcome.id() : outcome.code()));
                String statement = Texts.in(outcome.statement(), language);
                var o = items.addObject();
                o.put("identifier", outcomeId);
                o.put("fullStatement", statement.isBlank() ? outcome.code() : statement);
                o.put("CFItemType", "Learning Outcome");
                o.put("uri", urn(outcomeId));
                o.put("humanCodingScheme", outcome.code());
                o.put("listEnumeration", unitSequence + "." + (++outcomeSequence));
                if (outcome.dimension() != null) {
                    o.putArray("conceptKeywords").add(dimensionLabel(outcome.dimension()));
                }
                if (outcome.eqfLevel() != null) {
                    o.putArray("educationLevel").add("EQF " + outcome.eqfLevel());
                }
                o.put("language", outcome.statement().containsKey(language) ? language : "en");
                o.put("lastChangeDateTime", now);
                var outcomeLink = link(statement.isBlank() ? outcome.code() : statement, outcomeId);
                association(associations, "isChildOf", outcomeLink, unitLink, outcomeSequence, now);
                for (String skill : outcome.skills()) {
                    var target = json.createObjectNode();
                    target.put("title", skillLabels.getOrDefault(skill, skill));
                    target.put("identifier", externalIdentifier(skill));
                    target.put("uri", skill);
                    target.put("targetType", ESCO_TARGET);
                    association(associations, "exactMatchOf", outcomeLink, target, null, now);
                }
            }
        }
        for (UnitDocument unit : doc.units()) {
            for (String prerequisite : unit.prerequisites()) {
                String from = unitIds.get(prerequisite);
                if (from != null) {
                    association(associations, "precedes", link(prerequisite, from), link(unit.code(), unitIds.get(unit.code())),
                            null, now);
                }
            }
        }
        return pkg;
    }

    private void association(ArrayNode associations, String type, ObjectNode origin, ObjectNode destination,
                             Integer sequence, String now) {
        String id = uuid("association", type + " " + origin.get("uri").asText() + " " + destination.get("uri").asText());
        var a = associations.addObject();
        a.put("identifier", id);
        a.put("associationType", type);
        if (sequence != null) {
            a.put("sequenceNumber", sequence);
        }
        a.put("uri", urn(id));
        a.set("originNodeURI", origin);
        a.set("destinationNodeURI", destination);
        a.put("lastChangeDateTime", now);
    }

    private ObjectNode link(String title, String identifier) {
        var node = json.createObjectNode();
        node.put("title", title);
        node.put("identifier", identifier);
        node.put("uri", urn(identifier));
        return node;
    }

    private Map<String, String> skillLabels(QualificationDocument doc) {
        EscoCatalog catalog = escoCatalog.getIfAvailable();
        if (catalog == null || catalog.release().isEmpty()) {
            return Map.of();
        }
        var uris = new java.util.LinkedHashSet<String>();
        doc.units().forEach(u -> u.outcomes().forEach(o -> uris.addAll(o.skills())));
        var labels = new HashMap<String, String>();
        catalog.skills(uris).forEach((uri, skill) -> labels.put(uri, skill.label()));
        return labels;
    }

    /** ESCO concept URIs end in a UUID; anything else gets a name-based one. */
    static String externalIdentifier(String uri) {
        var m = UUID_TAIL.matcher(uri);
        return m.matches() ? m.group(1) : uuid("external", uri);
    }

    /** A name-based (version 3, RFC 4122 variant) UUID: it matches the CASE 1.1 identifier pattern. */
    static String uuid(String kind, String name) {
        return UUID.nameUUIDFromBytes(("qualigraph:" + kind + ":" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String urn(String uuid) {
        return "urn:uuid:" + uuid;
    }

    private static String dimensionLabel(Dimension dimension) {
        return switch (dimension) {
            case KNOWLEDGE -> "Knowledge";
            case SKILLS -> "Skills";
            case RESPONSIBILITY_AUTONOMY -> "Responsibility and autonomy";
        };
    }

    private static String humanise(String name) {
        return DocumentMessages.humanise(name);
    }
}
