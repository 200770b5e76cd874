package org.qualigraph.register;

import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;
import java.util.TimeZone;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.qualigraph.curriculum.QualificationDocument;
import org.springframework.stereotype.Component;

/**
 * The register as a DCAT-AP 3.0.0 catalogue, the form data portals (data.europa.eu, national portals) harvest: one
 * {@code dcat:Dataset} per published qualification with its distributions (LOQ XML, ELM JSON-LD, Turtle, PDF), the
 * QDR dataset and the skills table as datasets of their own, and the SPARQL endpoint as a data service. Every object
 * carries the class the DCAT-AP range shapes expect.
 */
@Component
class CatalogBuilder {

    static final String FOAF = "http://xmlns.com/foaf/0.1/";
    static final String FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/";
    static final String LANGUAGE = "http://publications.europa.eu/resource/authority/language/";
    static final String THEME = "http://publications.europa.eu/resource/authority/data-theme/";
    static final String IANA = "http://www.iana.org/assignments/media-types/";

    private final RegisterProperties properties;

    CatalogBuilder(RegisterProperties properties) {
        this.properties = properties;
    }

    /** A distribution of each qualification: the {@code format} parameter, file type and media type. */
    record Format(String parameter, String title, String fileType, String mediaType) {
    }

    static final List<Format> FORMATS = List.of(
            new Format("xml", "Europass LOQ XML", "XML", "application/xml"),
            new Format("jsonld", "European Learning Model (JSON-LD)", "JSON_LD", "application/ld+json"),
            new Format("ttl", "European Learning Model (Turtle)", "RDF_TURTLE", "text/turtle"),
            new Format("pdf", "Core curriculum (PDF)", "PDF", "application/pdf"));

    Model build(String base, List<RegisterService.Entry> published, List<SkillsTable.Row> skills, Instant modified) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("dcat", DCAT.NS).setNsPrefix("dct", DCTerms.NS).setNsPrefix("foaf", FOAF)
                .setNsPrefix("skos", SKOS.uri).setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#")
                .setNsPrefix("elm", "http://data.europa.eu/snb/model/elm/");
        Resource publisher = m.createResource(base + "/catalog#publisher", m.createResource(FOAF + "Agent"));
        publisher.addProperty(m.createProperty(FOAF, "name"), properties.publisher(), "en");
        Resource licence = m.createResource(properties.licence(), DCTerms.LicenseDocument);
        Resource educ = concept(m, THEME + "EDUC", "Education, culture and sport", THEME.substring(0, THEME.length() - 1));
        m.createResource(THEME.substring(0, THEME.length() - 1)).addProperty(DCTerms.title, "Data theme", "en");

        Resource catalog = m.createResource(base + "/catalog", DCAT.Catalog);
        catalog.addProperty(DCTerms.title, properties.publisher() + ": published qualifications", "en");
        catalog.addProperty(DCTerms.description, "Qualifications published with Qualigraph: their persistent identifiers, "
                + "the European Learning Model (LOQ) files for Europass QDR, core-curriculum documents and the ESCO skills "
                + "they teach, as linked open data.", "en");
        catalog.addProperty(DCTerms.publisher, publisher);
        catalog.addProperty(DCTerms.license, licence);
        catalog.addProperty(DCTerms.language, language(m, "en"));
        catalog.addProperty(DCAT.themeTaxonomy, m.createResource(THEME.substring(0, THEME.length() - 1), SKOS.ConceptScheme));
        catalog.addProperty(m.createProperty(FOAF, "homepage"), m.createResource(base + "/catalog",
                m.createResource(FOAF + "Document")));
        catalog.addLiteral(DCTerms.modified, dateTime(m, modified));

        for (RegisterService.Entry entry : published) {
            QualificationDocument doc = entry.document();
            String id = entry.identifier();
            Resource dataset = m.createResource(id + "#dataset", DCAT.Dataset);
            texts(dataset, DCTerms.title, doc.title(), doc.displayTitle());
            texts(dataset, DCTerms.description, doc.description(), doc.displayTitle());
            dataset.addProperty(DCTerms.identifier, id);
            dataset.addProperty(DCTerms.publisher, publisher);
            dataset.addProperty(DCAT.theme, educ);
            dataset.addProperty(DCAT.landingPage, m.createResource(id, m.createResource(FOAF + "Document")));
            dataset.addProperty(m.createProperty("http://www.w3.org/ns/prov#", "wasDerivedFrom"), m.createResource(id));
            dataset.addLiteral(DCTerms.modified, dateTime(m, entry.modified()));
            dataset.addLiteral(DCTerms.issued, dateTime(m, entry.modified()));
            for (String lang : languages(doc)) {
                dataset.addProperty(DCTerms.language, language(m, lang));
            }
            if (doc.eqfLevel() != null) {
                dataset.addProperty(DCAT.keyword, "EQF level " + doc.eqfLevel(), "en");
            }
            for (SkillsTable.Row row : skills) {
                if (row.qualification().equals(id)) {
                    Resource skill = m.createResource(row.skill(), SKOS.Concept);
                    if (!skill.hasProperty(SKOS.prefLabel)) {
                        skill.addProperty(SKOS.prefLabel, row.skillLabel().isBlank()
                                ? "ESCO skill " + row.skill().substring(row.skill().lastIndexOf('/') + 1) : row.skillLabel(), "en");
                    }
                    dataset.addProperty(DCTerms.subject, skill);
                }
            }
            for (Format format : FORMATS) {
                String url = id + "?format=" + format.parameter();
                Resource distribution = m.createResource(id + "#distribution-" + format.parameter(), DCAT.Distribution);
                distribution.addProperty(DCTerms.title, format.title(), "en");
                distribution.addProperty(DCAT.accessURL, url(m, url));
                distribution.addProperty(DCAT.downloadURL, url(m, url));
                distribution(m, distribution, format, licence, entry.modified());
                dataset.addProperty(DCAT.distribution, distribution);
            }
            catalog.addProperty(DCAT.dataset, dataset);
        }

        Resource qdr = m.createResource(base + "/register/loq.xml#dataset", DCAT.Dataset);
        qdr.addProperty(DCTerms.title, "Europass QDR dataset: every published qualification (LOQ XML)", "en");
        qdr.addProperty(DCTerms.description, "All published qualifications in one LOQ XML document, valid against the "
                + "Europass LOQ schema: the URL registered with Europass QDR for automatic updates.", "en");
        qdr.addProperty(DCTerms.publisher, publisher);
        qdr.addProperty(DCAT.theme, educ);
        qdr.addLiteral(DCTerms.modified, dateTime(m, modified));
        Resource qdrFile = m.createResource(base + "/register/loq.xml#distribution", DCAT.Distribution);
        qdrFile.addProperty(DCAT.accessURL, url(m, base + "/register/loq.xml"));
        qdrFile.addProperty(DCAT.downloadURL, url(m, base + "/register/loq.xml"));
        distribution(m, qdrFile, FORMATS.get(0), licence, modified);
        qdr.addProperty(DCAT.distribution, qdrFile);
        catalog.addProperty(DCAT.dataset, qdr);

        Resource skillsSet = m.createResource(base + "/register/skills.csv#dataset", DCAT.Dataset);
        skillsSet.addProperty(DCTerms.title, "ESCO skills taught by the published qualifications", "en");
        skillsSet.addProperty(DCTerms.description, "One row per published qualification and ESCO skill it teaches, with "
                + "its EQF level, the skill's label and the target occupations for which ESCO calls the skill essential "
                + "(qualification, qualificationTitle, eqfLevel, skill, skillLabel, essentialFor).", "en");
        skillsSet.addProperty(DCTerms.publisher, publisher);
        skillsSet.addProperty(DCAT.theme, educ);
        skillsSet.addLiteral(DCTerms.modified, dateTime(m, modified));
        Resource csv = m.createResource(base + "/register/skills.csv#distribution", DCAT.Distribution);
        csv.addProperty(DCAT.accessURL, url(m, base + "/register/skills.csv"));
        csv.addProperty(DCAT.downloadURL, url(m, base + "/register/skills.csv"));
        distribution(m, csv, new Format("csv", "Skills table (CSV)", "CSV", "text/csv"), licence, modified);
        skillsSet.addProperty(DCAT.distribution, csv);
        catalog.addProperty(DCAT.dataset, skillsSet);

        Resource sparql = m.createResource(base + "/sparql#service", DCAT.DataService);
        sparql.addProperty(DCTerms.title, "SPARQL endpoint of the register (read-only)", "en");
        sparql.addProperty(DCAT.endpointURL, url(m, base + "/sparql"));
        sparql.addProperty(DCTerms.conformsTo, m.createResource("https://www.w3.org/TR/sparql11-protocol/",
                DCTerms.Standard));
        sparql.addProperty(DCTerms.publisher, publisher);
        sparql.addProperty(DCTerms.license, licence);
        published.forEach(entry -> sparql.addProperty(DCAT.servesDataset, m.createResource(entry.identifier() + "#dataset")));
        catalog.addProperty(DCAT.service, sparql);
        return m;
    }

    private static void distribution(Model m, Resource distribution, Format format, Resource licence, Instant modified) {
        if (!distribution.hasProperty(DCTerms.title)) {
            distribution.addProperty(DCTerms.title, format.title(), "en");
        }
        distribution.addProperty(DCAT.mediaType, m.createResource(IANA + format.mediaType(), DCTerms.MediaType));
        distribution.addProperty(DCTerms.format, m.createResource(FILE_TYPE + format.fileType(), DCTerms.MediaTypeOrExtent));
        distribution.addProperty(DCTerms.license, licence);
        distribution.addLiteral(DCTerms.modified, dateTime(m, modified));
    }

    private static Set<String> languages(QualificationDocument doc) {
        var languages = new LinkedHashSet<String>();
        doc.title().forEach((lang, text) -> {
            if (text != null && !text.isBlank()) {
                languages.add(lang);
            }
        });
        return languages;
    }

    /** An EU Publications Office language (e.g. {@code .../language/DEU}) typed as the range shapes want. */
    static Resource language(Model m, String code) {
        String iso3;
        try {
            iso3 = Locale.forLanguageTag(code).getISO3Language().toUpperCase(Locale.ROOT);
        } catch (MissingResourceException e) {
            iso3 = "MUL";
        }
        if (iso3.isBlank()) {
            iso3 = "MUL";
        }
        return m.createResource(LANGUAGE + iso3, DCTerms.LinguisticSystem);
    }

    private static Resource concept(Model m, String uri, String label, String scheme) {
        Resource c = m.createResource(uri, SKOS.Concept);
        c.addProperty(SKOS.prefLabel, label, "en");
        c.addProperty(SKOS.inScheme, m.createResource(scheme, SKOS.ConceptScheme));
        return c;
    }

    private static void texts(Resource r, Property property, Map<String, String> text, String fallback) {
        boolean any = false;
        for (var e : text.entrySet()) {
            if (e.getValue() != null && !e.getValue().isBlank()) {
                r.addProperty(property, e.getValue(), e.getKey());
                any = true;
            }
        }
        if (!any) {
            r.addProperty(property, fallback.isBlank() ? "Qualification" : fallback, "en");
        }
    }

    static Literal dateTime(Model m, Instant instant) {
        var calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(instant.toEpochMilli());
        calendar.set(Calendar.MILLISECOND, 0);
        return m.createTypedLiteral(calendar);
    }

    /** A web address, typed as the DCAT-AP range shapes want ({@code rdfs:Resource}). */
    private static Resource url(Model m, String url) {
        return m.createResource(url, RDFS.Resource);
    }
}
