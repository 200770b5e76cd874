package org.qualigraph.exchange.elm;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.graph.GraphFactory;
import org.qualigraph.base.QualigraphProperties;
import org.qualigraph.curriculum.QualificationDocument;
import org.springframework.stereotype.Service;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validation of the Europass files against the official ELM release (LOQ XSD, both LOQ SHACL shape files) read from
 * the schemas in use ({@link ElmSchemaLibrary}: an uploaded release, {@code qualigraph.elm.schema-dir}, or the release
 * bundled with the application). Every answer first says whether they are there; each violation is turned into a sentence a designer understands, with the place in the editor to fix it.
 */
@Service
public class ElmValidation {

    static final String XSD = "loq/loq.xsd";
    static final String SHACL = "shacl/LOQ-constraints.ttl";
    static final String SHACL_MDR = "shacl/LOQ-constraints-mdr.ttl";

    /** What a designer reads when the schemas are not loaded: no server set-up, just whom to ask. */
    public static final String ASK_ADMINISTRATOR = "The Europass schemas are not loaded yet, so the qualification cannot be"
            + " checked for submission. Ask your administrator to load the Europass schemas on the Reference data page.";

    /** The folder in use, asked anew each time: an administrator may upload a release at any moment. */
    private final java.util.function.Supplier<Optional<Path>> dirs;
    private final Map<Path, Object> cache = new ConcurrentHashMap<>();

    @org.springframework.beans.factory.annotation.Autowired
    public ElmValidation(ElmSchemaLibrary library) {
        this.dirs = library::activeDir;
    }

    public ElmValidation(Path dir) {
        this.dirs = () -> Optional.ofNullable(dir);
    }

    static Optional<Path> configuredDir(QualigraphProperties properties) {
        String setting = properties.elm() == null ? "" : properties.elm().schemaDir();
        return setting == null || setting.isBlank() ? Optional.empty() : Optional.of(Path.of(setting).toAbsolutePath().normalize());
    }

    /** Where one problem is fixed in the editor. */
    public enum Place { PROFILE, UNIT, OUTCOME, FILE }

    /**
     * One violation in plain language. {@code code} is the unit or outcome code for {@link Place#UNIT} and
     * {@link Place#OUTCOME}; {@code technical} keeps the validator's own words for the expert.
     */
    public record Finding(String check, Place place, String code, String message, String technical) {
    }

    /** Whether the official files are there; {@code problem} says what is missing and how to obtain them. */
    public record Status(boolean ready, String problem) {
    }

    public Status status() {
        var dir = dirs.get();
        if (dir.isEmpty()) {
            return new Status(false, ASK_ADMINISTRATOR);
        }
        var missing = new ArrayList<String>();
        for (String file : List.of(XSD, "loq/cv/nqf.xsd", SHACL, SHACL_MDR)) {
            if (!Files.isRegularFile(dir.get().resolve(file))) {
                missing.add(file);
            }
        }
        if (!missing.isEmpty()) {
            return new Status(false, "The Europass schemas are incomplete (" + String.join(", ", missing) + " missing). "
                    + "Ask your administrator to load the Europass schemas again on the Reference data page.");
        }
        return new Status(true, null);
    }

    public Optional<Path> schemaDir() {
        return dirs.get();
    }

    /** Validates LOQ XML against loq.xsd; {@code places} maps element ids to where they are edited. */
    public List<Finding> validateXml(byte[] xml, Map<String, Located> places) {
        requireReady();
        var findings = new ArrayList<Finding>();
        try {
            Document document = XmlSecurity.parse(new ByteArrayInputStream(xml));
            Validator validator = schema().newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new ErrorHandler() {
                public void warning(SAXParseException e) {
                }

                public void error(SAXParseException e) {
                    findings.add(xsdFinding(e, currentElement(validator), places));
                }

                public void fatalError(SAXParseException e) {
                    findings.add(xsdFinding(e, currentElement(validator), places));
                }
            });
            validator.validate(new DOMSource(document));
        } catch (SAXException e) {
            if (findings.isEmpty()) {
                findings.add(new Finding("XSD", Place.FILE, null, "The LOQ XML could not be read: " + e.getMessage(), e.getMessage()));
            }
        } catch (IOException | ParserConfigurationException e) {
            findings.add(new Finding("XSD", Place.FILE, null, "The LOQ XML could not be read: " + e.getMessage(), e.getMessage()));
        }
        return findings;
    }

    /** Validates an ELM graph against both LOQ SHACL shape files. */
    public List<Finding> validateRdf(Model model, Map<String, Located> places) {
        requireReady();
        var findings = new ArrayList<Finding>();
        var seen = new LinkedHashSet<String>();
        for (Shapes shapes : shapes()) {
            ValidationReport report = ShaclValidator.get().validate(shapes, model.getGraph());
            for (ReportEntry entry : report.getEntries()) {
                Finding finding = shaclFinding(entry, model.getGraph(), places);
                if (seen.add(finding.place() + "|" + finding.code() + "|" + finding.message())) {
                    findings.add(finding);
                }
            }
        }
        return findings;
    }

    /** Parses Turtle or JSON-LD and validates it against the SHACL shapes. */
    public List<Finding> validateRdf(byte[] data, Lang lang) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(data)).lang(lang).parse(graph);
        return validateRdf(org.apache.jena.rdf.model.ModelFactory.createModelForGraph(graph), Map.of());
    }

    /** A place in the editor for an element or node id of the export. */
    public record Located(Place place, String code, String label) {
    }

    private void requireReady() {
        Status status = status();
        if (!status.ready()) {
            throw new IllegalStateException(status.problem());
        }
    }

    private Schema schema() {
        Path dir = dirs.get().orElseThrow();
        return (Schema) cache.computeIfAbsent(dir.resolve(XSD), file -> {
            try {
                // the schema imports its cv/ files from its own folder, and from nowhere else
                return ElmSchemaLibrary.compile(dir);
            } catch (SAXException e) {
                throw new IllegalStateException("The official schema " + file + " could not be read: " + e.getMessage(), e);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private List<Shapes> shapes() {
        Path dir = dirs.get().orElseThrow();
        return (List<Shapes>) cache.computeIfAbsent(dir.resolve(SHACL), file -> List.of(
                Shapes.parse(RDFDataMgr.loadGraph(dir.resolve(SHACL).toString())),
                Shapes.parse(RDFDataMgr.loadGraph(dir.resolve(SHACL_MDR).toString()))));
    }

    private static Element currentElement(Validator validator) {
        try {
            Object node = validator.getProperty("http://apache.org/xml/properties/dom/current-element-node");
            return node instanceof Element element ? element : null;
        } catch (SAXException e) {
            return null;
        }
    }

    private static Finding xsdFinding(SAXParseException e, Element element, Map<String, Located> places) {
        Located where = null;
        for (org.w3c.dom.Node n = element; n != null && where == null; n = n.getParentNode()) {
            if (n instanceof Element el && el.hasAttribute("id")) {
                where = places.get(el.getAttribute("id"));
            }
        }
        if (where == null) {
            where = new Located(Place.PROFILE, null, "The qualification");
        }
        String technical = e.getMessage();
        return new Finding("XSD", where.place(), where.code(), where.label() + " " + Explanations.explainXsd(technical, element), technical);
    }

    private static Finding shaclFinding(ReportEntry entry, Graph graph, Map<String, Located> places) {
        Node focus = entry.focusNode();
        Located where = focus.isURI() ? places.get(focus.getURI()) : null;
        if (where == null) {
            // a blank node (note, credit point) or a concept: find what refers to it
            var it = graph.find(Node.ANY, Node.ANY, focus);
            while (it.hasNext() && where == null) {
                Node subject = it.next().getSubject();
                if (subject.isURI()) {
                    where = places.get(subject.getURI());
                }
            }
        }
        if (where == null) {
            where = new Located(Place.PROFILE, null, "The qualification");
        }
        String path = entry.resultPath() == null ? "" : entry.resultPath().toString();
        String technical = entry.message() + " (" + focus + ", " + path + ")";
        return new Finding("SHACL", where.place(), where.code(), where.label() + " " + Explanations.explainShacl(path, entry.message()), technical);
    }

    /** The element ids and node IRIs of an export, mapped to the editor places they come from. */
    public static Map<String, Located> places(QdrPlan plan) {
        var map = new HashMap<String, Located>();
        map.put(plan.iri(), new Located(Place.PROFILE, null, "The qualification"));
        for (QdrPlan.Part part : plan.parts()) {
            map.put(part.iri(), new Located(Place.UNIT, part.unit().code(), "Unit " + part.unit().code()));
        }
        for (QdrPlan.Outcome o : plan.outcomes()) {
            map.put(o.iri(), new Located(Place.OUTCOME, o.outcome().code(), "Outcome " + o.outcome().code()));
        }
        for (QdrPlan.Body body : plan.bodies()) {
            map.put(body.iri(), new Located(Place.PROFILE, null, "The awarding body \"" + body.body().name() + "\""));
            map.put(body.locationIri(), new Located(Place.PROFILE, null, "The awarding body \"" + body.body().name() + "\""));
        }
        return map;
    }

    /** Runs both validations on a qualification's exports, rendered once here. */
    public List<Finding> check(QdrExports exports, QualificationDocument doc, String language) {
        QdrPlan plan = exports.plan(doc, language);
        var model = exports.model(doc, language);
        return check(doc, plan, exports.loqXml(doc, language), QdrExports.serialise(model, Lang.TURTLE),
                QdrExports.serialise(model, Lang.JSONLD));
    }

    /**
     * Validates exactly these bytes: the LOQ XML against the XSD, and the Turtle and the JSON-LD, each parsed back from
     * its bytes, against both SHACL files. A file that a caller then hands out is therefore the file that was checked.
     */
    public List<Finding> check(QualificationDocument doc, QdrPlan plan, byte[] loqXml, byte[] turtle, byte[] jsonLd) {
        var places = places(plan);
        var findings = new ArrayList<Finding>(Explanations.preChecks(doc, plan));
        findings.addAll(validateXml(loqXml, places));
        var seen = new LinkedHashSet<String>();
        for (var file : List.of(Map.entry(Lang.TURTLE, turtle), Map.entry(Lang.JSONLD, jsonLd))) {
            List<Finding> rdf;
            try {
                Graph graph = GraphFactory.createDefaultGraph();
                RDFParser.source(new ByteArrayInputStream(file.getValue())).lang(file.getKey()).parse(graph);
                rdf = validateRdf(org.apache.jena.rdf.model.ModelFactory.createModelForGraph(graph), places);
            } catch (org.apache.jena.riot.RiotException e) {
                rdf = List.of(new Finding("SHACL", Place.FILE, null, "The " + file.getKey().getLabel()
                        + " file could not be read back: " + e.getMessage(), e.getMessage()));
            }
            for (Finding finding : rdf) {
                if (seen.add(finding.place() + "|" + finding.code() + "|" + finding.message())) {
                    findings.add(finding);
                }
            }
        }
        return findings;
    }
}
