package org.qualigraph.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Assumptions;
import org.xml.sax.SAXException;

/**
 * Checks of files against the official standards in {@code ../shared}, independent of the product's own validation:
 * LOQ XML against loq.xsd, ELM RDF against both LOQ SHACL files, a catalogue against the DCAT-AP 3.0.0 shapes with
 * their range shapes. A test that calls one is skipped with a clear message where ../shared does not hold the files.
 */
public final class OfficialShapes {

    private OfficialShapes() {
    }

    /** Fails with the validator's message unless the XML is valid against the official loq.xsd. */
    public static void assertValidLoqXml(byte[] xml) {
        Path elm = SharedData.requireElm();
        try {
            var factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
            var validator = factory.newSchema(elm.resolve("loq/loq.xsd").toFile()).newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXException invalid) {
            throw new AssertionError("not valid against loq.xsd: " + invalid.getMessage(), invalid);
        } catch (IOException e) {
            throw new AssertionError("could not read loq.xsd under " + elm, e);
        }
    }

    /** Parses the RDF (fails when it does not parse) and asserts it conforms to both LOQ SHACL files; returns it. */
    public static Graph assertConformsToLoqShapes(byte[] rdf, Lang lang) {
        Path elm = SharedData.requireElm();
        Graph graph = parse(rdf, lang);
        for (String shapes : List.of("shacl/LOQ-constraints.ttl", "shacl/LOQ-constraints-mdr.ttl")) {
            assertThat(problems(graph, elm.resolve(shapes))).as("%s conforms to %s", lang.getName(), shapes).isEmpty();
        }
        return graph;
    }

    /** Parses the RDF and asserts it conforms to the DCAT-AP 3.0.0 shapes and their range shapes; returns it. */
    public static Graph assertConformsToDcatAp(byte[] rdf, Lang lang) {
        Path dir = SharedData.sharedDir().resolve("standards/dcat-ap/3.0.0");
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("dcat-ap-SHACL.ttl")),
                "Skipped the DCAT-AP validation: the shapes are not at " + dir + " (they come with ../shared)");
        Graph graph = parse(rdf, lang);
        for (String file : List.of("dcat-ap-SHACL.ttl", "range.ttl")) {
            assertThat(problems(graph, dir.resolve(file))).as("%s against %s", lang.getName(), file).isEmpty();
        }
        return graph;
    }

    private static Graph parse(byte[] rdf, Lang lang) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(rdf)).lang(lang).parse(graph);
        return graph;
    }

    /** Each violation as "focus path: message". */
    private static List<String> problems(Graph data, Path shapesFile) {
        Shapes shapes = Shapes.parse(RDFDataMgr.loadGraph(shapesFile.toString()));
        var problems = new ArrayList<String>();
        ShaclValidator.get().validate(shapes, data).getEntries()
                .forEach(entry -> problems.add(entry.focusNode() + " " + entry.resultPath() + ": " + entry.message()));
        return problems;
    }
}
