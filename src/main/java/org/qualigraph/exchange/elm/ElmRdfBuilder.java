package org.qualigraph.exchange.elm;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.qualigraph.curriculum.Dimension;
import org.qualigraph.curriculum.QualificationDocument;

/**
 * Builds the European Learning Model graph of a qualification with Apache Jena, in the shape the LOQ application
 * profile expects: units as partial qualifications, every controlled-vocabulary value described as a {@code
 * skos:Concept} in its official scheme (the QDR SHACL shapes check the scheme of each concept in the data itself),
 * ESCO skills typed as concepts with their labels.
 */
final class ElmRdfBuilder {

    static final String ELM = "http://data.europa.eu/snb/model/elm/";
    static final String ADMS = "http://www.w3.org/ns/adms#";
    static final String ROV = "http://www.w3.org/ns/regorg#";
    static final Map<String, String> PREFIXES = Map.of("elm", ELM, "dc", DCTerms.NS, "skos", SKOS.uri, "adms", ADMS,
            "rov", ROV, "xsd", "http://www.w3.org/2001/XMLSchema#", "rdfs", RDFS.uri);

    private final ElmVocabulary vocabulary;
    private final Function<Collection<String>, Map<String, String>> skillLabels;
    private final Function<QualificationDocument, String> publicIris;

    /** @param skillLabels labels of ESCO skills by URI as far as the loaded ESCO release knows them */
    ElmRdfBuilder(ElmVocabulary vocabulary, Function<Collection<String>, Map<String, String>> skillLabels) {
        this(vocabulary, skillLabels, doc -> null);
    }

    /** @param publicIris the persistent identifier of a published qualification, null for any other */
    ElmRdfBuilder(ElmVocabulary vocabulary, Function<Collection<String>, Map<String, String>> skillLabels,
                  Function<QualificationDocument, String> publicIris) {
        this.vocabulary = vocabulary;
        this.skillLabels = skillLabels;
        this.publicIris = publicIris;
    }

    Model build(QualificationDocument doc, String language) {
        QdrPlan plan = QdrPlan.of(doc, vocabulary, language, publicIris.apply(doc));
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefixes(PREFIXES);
        // An axiom of the ELM ontology, so that SHACL's sh:class sees a qualification as a learning achievement
        // specification (SHACL follows rdfs:subClassOf in the data graph).
        m.add(m.createResource(ELM + "Qualification"), RDFS.subClassOf, m.createResource(ELM + "LearningAchievementSpecification"));

        Resource q = m.createResource(plan.iri(), cls(m, "Qualification"));
        if (doc.type() != null) {
            identifier(m, q, doc.type().name(), LoqXmlWriter.TYPE_SCHEME);
        }
        texts(q, DCTerms.title, doc.title());
        texts(q, DCTerms.description, doc.description());
        common(m, q, plan, doc.iscedF(), plan.hours(), doc.credits(), plan.modes());
        var entry = QdrPlan.pick(doc.entryRequirements(), plan.preferredLanguage());
        if (entry != null) {
            Resource note = m.createResource(cls(m, "Note"));
            note.addProperty(p(m, "noteLiteral"), entry.getValue(), entry.getKey());
            q.addProperty(p(m, "entryRequirement"), note);
        }
        plan.outcomes().forEach(o -> q.addProperty(p(m, "learningOutcome"), m.createResource(o.iri())));
        for (QdrPlan.Body body : plan.bodies()) {
            // The awarding body is an elm:Agent: the LOQ shapes want an Agent there, and their closed Agent shape would
            // reject the legal name of an elm:Organisation typed as Agent too.
            Resource org = m.createResource(body.iri(), cls(m, "Agent"));
            org.addProperty(SKOS.prefLabel, body.body().name(), "en");
            Resource location = m.createResource(body.locationIri(), m.createResource(DCTerms.NS + "Location"));
            Resource address = m.createResource(cls(m, "Address"));
            if (body.countryUri() != null) {
                address.addProperty(p(m, "countryCode"), concept(m, body.countryUri(), ElmVocabulary.countryLabel(body.body().country()),
                        ElmVocabulary.COUNTRY_SCHEME));
            }
            location.addProperty(p(m, "address"), address);
            org.addProperty(p(m, "location"), location);
            Resource opportunity = m.createResource(cls(m, "AwardingOpportunity"));
            opportunity.addProperty(p(m, "awardingBody"), org);
            opportunity.addProperty(p(m, "learningAchievementSpecification"), q);
            q.addProperty(p(m, "awardingOpportunity"), opportunity);
        }
        q.addLiteral(p(m, "isPartialQualification"), false);
        levels(m, q, doc.eqfLevel() == null ? 0 : doc.eqfLevel(), plan);

        for (QdrPlan.Part part : plan.parts()) {
            Resource u = m.createResource(part.iri(), cls(m, "Qualification"));
            identifier(m, u, part.unit().code(), LoqXmlWriter.UNIT_SCHEME);
            texts(u, DCTerms.title, part.unit().title().isEmpty() ? Map.of("en", part.unit().code()) : part.unit().title());
            common(m, u, plan, doc.iscedF(), part.unit().hours(), part.unit().credits(), part.modes());
            part.outcomes().forEach(o -> u.addProperty(p(m, "learningOutcome"), m.createResource(o.iri())));
            u.addProperty(p(m, "isPartOf"), q);
            q.addProperty(p(m, "hasPart"), u);
            u.addLiteral(p(m, "isPartialQualification"), true);
            levels(m, u, part.eqfLevel(), plan);
        }

        var skills = plan.outcomes().stream().flatMap(o -> o.outcome().skills().stream()).distinct().toList();
        Map<String, String> labels = skills.isEmpty() ? Map.of() : skillLabels.apply(skills);
        for (QdrPlan.Outcome o : plan.outcomes()) {
            Resource lo = m.createResource(o.iri(), cls(m, "LearningOutcome"));
            identifier(m, lo, o.outcome().code(), LoqXmlWriter.OUTCOME_SCHEME);
            texts(lo, DCTerms.title, o.outcome().statement().isEmpty() ? Map.of("en", o.outcome().code()) : o.outcome().statement());
            if (o.outcome().dimension() != null) {
                String type = ElmVocabulary.skillType(o.outcome().dimension());
                lo.addProperty(DCTerms.type, concept(m, type, type.substring(type.lastIndexOf('/') + 1), ElmVocabulary.SKILL_TYPE_SCHEME));
                if (o.outcome().dimension() == Dimension.RESPONSIBILITY_AUTONOMY) {
                    Resource note = m.createResource(cls(m, "Note"));
                    note.addProperty(p(m, "noteLiteral"), LoqXmlWriter.DIMENSION_NOTE + "responsibility and autonomy", "en");
                    lo.addProperty(p(m, "additionalNote"), note);
                }
            }
            for (String skill : o.outcome().skills()) {
                Resource s = m.createResource(skill, SKOS.Concept);
                if (!s.hasProperty(SKOS.prefLabel)) {
                    s.addProperty(SKOS.prefLabel, labels.getOrDefault(skill, skill.substring(skill.lastIndexOf('/') + 1)), "en");
                }
                lo.addProperty(p(m, "relatedESCOSkill"), s);
            }
        }
        return m;
    }

    private void common(Model m, Resource r, QdrPlan plan, List<String> isced, Integer hours, java.math.BigDecimal credits,
                        List<String> modes) {
        QualificationDocument doc = plan.document();
        for (String code : isced) {
            r.addProperty(p(m, "ISCEDFCode"), concept(m, ElmVocabulary.iscedUri(code), ElmVocabulary.iscedLabel(code), ElmVocabulary.ISCED_SCHEME));
        }
        if (hours != null) {
            r.addProperty(p(m, "volumeOfLearning"), m.createTypedLiteral(QdrPlan.duration(hours), XSDDatatype.XSDduration));
        }
        if (credits != null && doc.creditSystem() != null) {
            String framework = ElmVocabulary.creditFramework(doc.creditSystem());
            Resource cp = m.createResource(cls(m, "CreditPoint"));
            cp.addProperty(p(m, "framework"), concept(m, framework, ElmVocabulary.creditLabel(framework), ElmVocabulary.CREDIT_SCHEME));
            cp.addProperty(p(m, "point"), QdrPlan.points(credits));
            r.addProperty(p(m, "creditPoint"), cp);
        }
        Set<String> languages = new java.util.LinkedHashSet<>();
        plan.languages().forEach(l -> ElmVocabulary.languageUri(l).ifPresent(uri -> {
            if (languages.add(uri)) {
                r.addProperty(DCTerms.language, concept(m, uri, ElmVocabulary.languageLabel(l), ElmVocabulary.LANGUAGE_SCHEME));
            }
        }));
        for (String mode : modes) {
            r.addProperty(p(m, "mode"), concept(m, mode, ElmVocabulary.modeLabel(mode), ElmVocabulary.MODE_SCHEME));
        }
        String setting = ElmVocabulary.learningSetting(doc.type());
        r.addProperty(p(m, "learningSetting"), concept(m, setting, ElmVocabulary.settingLabel(setting), ElmVocabulary.SETTING_SCHEME));
    }

    private void levels(Model m, Resource r, int eqf, QdrPlan plan) {
        if (eqf > 0) {
            r.addProperty(p(m, "EQFLevel"), concept(m, ElmVocabulary.eqfUri(eqf), ElmVocabulary.eqfLabel(eqf), ElmVocabulary.EQF_SCHEME));
        }
        for (QdrPlan.Nqf nqf : plan.nqf()) {
            r.addProperty(p(m, "NQFLevel"), concept(m, nqf.uri(), nqf.label(), ElmVocabulary.NQF_SCHEME));
        }
    }

    private static void identifier(Model m, Resource r, String notation, String scheme) {
        if (notation == null || notation.isBlank()) {
            return;
        }
        Resource id = m.createResource(cls(m, "Identifier"));
        id.addProperty(SKOS.notation, notation);
        id.addProperty(p(m, "schemeName"), scheme);
        r.addProperty(m.createProperty(ADMS, "identifier"), id);
    }

    private static void texts(Resource r, Property property, Map<String, String> text) {
        new LinkedHashMap<>(text).forEach((language, value) -> {
            if (value != null && !value.isBlank()) {
                r.addProperty(property, value, language);
            }
        });
    }

    /** A concept of a controlled vocabulary, described in the graph: type, English label, scheme (typed too). */
    private static Resource concept(Model m, String uri, String label, String scheme) {
        Resource c = m.createResource(uri);
        if (!c.hasProperty(RDF.type, SKOS.Concept)) {
            c.addProperty(RDF.type, SKOS.Concept);
            c.addProperty(SKOS.prefLabel, label, "en");
            c.addProperty(SKOS.inScheme, m.createResource(scheme, SKOS.ConceptScheme));
        }
        return c;
    }

    private static Resource cls(Model m, String name) {
        return m.createResource(ELM + name);
    }

    private static Property p(Model m, String name) {
        return m.createProperty(ELM, name);
    }
}
