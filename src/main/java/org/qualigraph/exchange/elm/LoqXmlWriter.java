package org.qualigraph.exchange.elm;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.qualigraph.curriculum.Dimension;
import org.qualigraph.curriculum.QualificationDocument;

/**
 * Writes a qualification as a Europass QDR "LOQ" XML document ({@code <Courses>}, schema {@code loq/loq.xsd} 3.1.0):
 * the qualification and its units (as partial qualifications) in {@code learningAchievementSpecificationReferences},
 * the outcomes, the awarding bodies and their locations in their own sections, linked by {@code idref}.
 */
final class LoqXmlWriter {

    static final String LOQ = "http://data.europa.eu/snb/model/ap/loq-constraints/";
    static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    static final String DC = "http://purl.org/dc/terms/";
    /** Marks outcomes of the responsibility-and-autonomy dimension, which ELM's skill types do not distinguish. */
    static final String DIMENSION_NOTE = "EQF dimension: ";
    static final String UNIT_SCHEME = "Qualigraph unit code";
    static final String OUTCOME_SCHEME = "Qualigraph outcome code";
    static final String TYPE_SCHEME = "Qualigraph qualification type";

    private final ElmVocabulary vocabulary;
    private final Function<QualificationDocument, String> publicIris;

    LoqXmlWriter(ElmVocabulary vocabulary) {
        this(vocabulary, doc -> null);
    }

    /** @param publicIris the persistent identifier of a published qualification, null for any other */
    LoqXmlWriter(ElmVocabulary vocabulary, Function<QualificationDocument, String> publicIris) {
        this.vocabulary = vocabulary;
        this.publicIris = publicIris;
    }

    /**
     * In a file of several qualifications the notations of identifiers (unit and outcome codes) are scoped by the
     * qualification's id ({@code <id>/U1}), since loq.xsd wants every notation unique in the file; null in a file of one.
     */
    private String scope;

    void write(QualificationDocument document, String language, OutputStream out) throws IOException {
        scope = null;
        writeAll(List.of(document), language, out);
    }

    /**
     * Several qualifications in one document (the register's QDR dataset): awarding bodies and their locations that
     * several qualifications share are written once, since ids must be unique in the file.
     */
    void write(List<QualificationDocument> documents, String language, OutputStream out) throws IOException {
        scope = "";
        writeAll(documents, language, out);
    }

    private void writeAll(List<QualificationDocument> documents, String language, OutputStream out) throws IOException {
        var plans = new ArrayList<QdrPlan>();
        for (QualificationDocument document : documents) {
            plans.add(QdrPlan.of(document, vocabulary, language, publicIris.apply(document)));
        }
        var bodies = new LinkedHashMap<String, QdrPlan.Body>();
        plans.forEach(plan -> plan.bodies().forEach(body -> bodies.putIfAbsent(body.iri(), body)));
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.setDefaultNamespace(LOQ);
            w.setPrefix("skos", SKOS);
            w.setPrefix("dc", DC);
            w.writeStartElement(LOQ, "Courses");
            w.writeDefaultNamespace(LOQ);
            w.writeNamespace("skos", SKOS);
            w.writeNamespace("dc", DC);
            w.writeAttribute("xsdVersion", "3.1.0");

            if (!plans.isEmpty()) {
                w.writeStartElement(LOQ, "learningAchievementSpecificationReferences");
                for (QdrPlan plan : plans) {
                    writeQualification(w, plan);
                    for (QdrPlan.Part part : plan.parts()) {
                        writePart(w, plan, part);
                    }
                }
                w.writeEndElement();
            }

            if (plans.stream().anyMatch(plan -> !plan.outcomes().isEmpty())) {
                w.writeStartElement(LOQ, "learningOutcomeReferences");
                for (QdrPlan plan : plans) {
                    for (QdrPlan.Outcome outcome : plan.outcomes()) {
                        writeOutcome(w, plan, outcome);
                    }
                }
                w.writeEndElement();
            }
            if (!bodies.isEmpty()) {
                w.writeStartElement(LOQ, "agentReferences");
                for (QdrPlan.Body body : bodies.values()) {
                    w.writeStartElement(LOQ, "organisation");
                    w.writeAttribute("id", body.iri());
                    text(w, LOQ, "legalName", "en", body.body().name());
                    idref(w, "location", body.locationIri());
                    w.writeEndElement();
                }
                w.writeEndElement();
                w.writeStartElement(LOQ, "locationReferences");
                for (QdrPlan.Body body : bodies.values()) {
                    w.writeStartElement(LOQ, "location");
                    w.writeAttribute("id", body.locationIri());
                    w.writeStartElement(LOQ, "address");
                    if (body.countryUri() != null) {
                        concept(w, "countryCode", body.countryUri());
                    }
                    w.writeEndElement();
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException("could not write LOQ XML: " + e.getMessage(), e);
        }
    }

    private void writeQualification(XMLStreamWriter w, QdrPlan plan) throws XMLStreamException {
        QualificationDocument doc = plan.document();
        w.writeStartElement(LOQ, "qualification");
        w.writeAttribute("id", plan.iri());
        if (doc.type() != null && scope == null) {
            identifier(w, doc.type().name(), TYPE_SCHEME);
        }
        currentScope = scope == null ? null : (doc.id() == null ? plan.iri() : doc.id()) + "/";
        texts(w, "title", doc.title());
        texts(w, "description", doc.description());
        for (String code : doc.iscedF()) {
            concept(w, "ISCEDFCode", ElmVocabulary.iscedUri(code));
        }
        if (plan.hours() != null) {
            element(w, "volumeOfLearning", QdrPlan.duration(plan.hours()));
        }
        if (doc.credits() != null && doc.creditSystem() != null) {
            creditPoint(w, ElmVocabulary.creditFramework(doc.creditSystem()), QdrPlan.points(doc.credits()));
        }
        languages(w, plan);
        for (String mode : plan.modes()) {
            concept(w, "mode", mode);
        }
        concept(w, "learningSetting", ElmVocabulary.learningSetting(doc.type()));
        var entry = QdrPlan.pick(doc.entryRequirements(), plan.preferredLanguage());
        if (entry != null) {
            w.writeStartElement(LOQ, "entryRequirement");
            text(w, LOQ, "noteLiteral", entry.getKey(), entry.getValue());
            w.writeEndElement();
        }
        for (QdrPlan.Outcome outcome : plan.outcomes()) {
            idref(w, "learningOutcome", outcome.iri());
        }
        for (QdrPlan.Part part : plan.parts()) {
            idref(w, "hasPart", part.iri());
        }
        for (QdrPlan.Body body : plan.bodies()) {
            w.writeStartElement(LOQ, "awardingOpportunity");
            idref(w, "awardingBody", body.iri());
            idref(w, "learningAchievementSpecification", plan.iri());
            w.writeEndElement();
        }
        element(w, "isPartialQualification", "false");
        if (doc.eqfLevel() != null) {
            concept(w, "EQFLevel", ElmVocabulary.eqfUri(doc.eqfLevel()));
        }
        for (QdrPlan.Nqf nqf : plan.nqf()) {
            concept(w, "NQFLevel", nqf.uri());
        }
        w.writeEndElement();
    }

    private void writePart(XMLStreamWriter w, QdrPlan plan, QdrPlan.Part part) throws XMLStreamException {
        QualificationDocument doc = plan.document();
        w.writeStartElement(LOQ, "qualification");
        w.writeAttribute("id", part.iri());
        identifier(w, scoped(part.unit().code()), UNIT_SCHEME);
        Map<String, String> title = part.unit().title().isEmpty() ? Map.of("en", part.unit().code()) : part.unit().title();
        texts(w, "title", title);
        for (String code : doc.iscedF()) {
            concept(w, "ISCEDFCode", ElmVocabulary.iscedUri(code));
        }
        if (part.unit().hours() != null) {
            element(w, "volumeOfLearning", QdrPlan.duration(part.unit().hours()));
        }
        if (part.unit().credits() != null && doc.creditSystem() != null) {
            creditPoint(w, ElmVocabulary.creditFramework(doc.creditSystem()), QdrPlan.points(part.unit().credits()));
        }
        languages(w, plan);
        for (String mode : part.modes()) {
            concept(w, "mode", mode);
        }
        concept(w, "learningSetting", ElmVocabulary.learningSetting(doc.type()));
        for (QdrPlan.Outcome outcome : part.outcomes()) {
            idref(w, "learningOutcome", outcome.iri());
        }
        idref(w, "isPartOf", plan.iri());
        element(w, "isPartialQualification", "true");
        if (part.eqfLevel() > 0) {
            concept(w, "EQFLevel", ElmVocabulary.eqfUri(part.eqfLevel()));
        }
        for (QdrPlan.Nqf nqf : plan.nqf()) {
            concept(w, "NQFLevel", nqf.uri());
        }
        w.writeEndElement();
    }

    private void writeOutcome(XMLStreamWriter w, QdrPlan plan, QdrPlan.Outcome o) throws XMLStreamException {
        w.writeStartElement(LOQ, "learningOutcome");
        w.writeAttribute("id", o.iri());
        currentScope = scope == null ? null : (plan.document().id() == null ? plan.iri() : plan.document().id()) + "/";
        identifier(w, scoped(o.outcome().code()), OUTCOME_SCHEME);
        texts(w, "title", o.outcome().statement().isEmpty() ? Map.of("en", o.outcome().code()) : o.outcome().statement());
        if (o.outcome().dimension() != null) {
            concept(w, "type", ElmVocabulary.skillType(o.outcome().dimension()));
            if (o.outcome().dimension() == Dimension.RESPONSIBILITY_AUTONOMY) {
                w.writeStartElement(LOQ, "additionalNote");
                text(w, LOQ, "noteLiteral", "en", DIMENSION_NOTE + "responsibility and autonomy");
                w.writeEndElement();
            }
        }
        for (String skill : o.outcome().skills()) {
            concept(w, "relatedESCOSkill", skill);
        }
        w.writeEndElement();
    }

    private String currentScope;

    private String scoped(String code) {
        return currentScope == null || code == null ? code : currentScope + code;
    }

    private void languages(XMLStreamWriter w, QdrPlan plan) throws XMLStreamException {
        boolean any = false;
        for (String language : plan.languages()) {
            var uri = ElmVocabulary.languageUri(language);
            if (uri.isPresent()) {
                concept(w, "language", uri.get());
                any = true;
            }
        }
        if (!any) {
            concept(w, "language", ElmVocabulary.LANGUAGE_SCHEME + "/ENG");
        }
    }

    private static void identifier(XMLStreamWriter w, String notation, String scheme) throws XMLStreamException {
        if (notation == null || notation.isBlank()) {
            return;
        }
        w.writeStartElement(LOQ, "identifier");
        element(w, SKOS, "notation", notation);
        element(w, "schemeName", scheme);
        w.writeEndElement();
    }

    private static void creditPoint(XMLStreamWriter w, String framework, String points) throws XMLStreamException {
        w.writeStartElement(LOQ, "creditPoint");
        concept(w, "framework", framework);
        element(w, "point", points);
        w.writeEndElement();
    }

    private static void texts(XMLStreamWriter w, String name, Map<String, String> text) throws XMLStreamException {
        for (var e : text.entrySet()) {
            if (e.getValue() != null && !e.getValue().isBlank()) {
                text(w, LOQ, name, e.getKey(), e.getValue());
            }
        }
    }

    private static void text(XMLStreamWriter w, String ns, String name, String language, String value) throws XMLStreamException {
        w.writeStartElement(ns, name);
        w.writeAttribute("language", language);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    private static void concept(XMLStreamWriter w, String name, String uri) throws XMLStreamException {
        w.writeEmptyElement(LOQ, name);
        w.writeAttribute("uri", uri);
    }

    private static void idref(XMLStreamWriter w, String name, String idref) throws XMLStreamException {
        w.writeEmptyElement(LOQ, name);
        w.writeAttribute("idref", idref);
    }

    private static void element(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        element(w, LOQ, name, value);
    }

    private static void element(XMLStreamWriter w, String ns, String name, String value) throws XMLStreamException {
        w.writeStartElement(ns, name);
        w.writeCharacters(value);
        w.writeEndElement();
    }
}
