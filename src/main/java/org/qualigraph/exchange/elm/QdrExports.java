package org.qualigraph.exchange.elm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.qualigraph.base.QualigraphProperties;
import org.qualigraph.curriculum.PersistentIdentifiers;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.esco.EscoCatalog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The three Europass files of a qualification (LOQ XML, ELM JSON-LD, ELM Turtle), written the same way for the export
 * endpoint, the pre-flight page and the QDR package. NQF levels without a QDR URI are looked up in the QDR list of the
 * configured schema folder; ESCO skill labels come from the loaded ESCO release when there is one.
 */
@Component
public class QdrExports {

    private final java.util.function.Supplier<ElmVocabulary> vocabularies;
    private final ObjectProvider<EscoCatalog> esco;
    /** Published qualifications are exported under their persistent identifier; others as {@code urn:uuid:}. */
    private final Function<QualificationDocument, String> publicIris;

    /** The vocabulary follows the schemas in use, which an administrator may replace at any time (cached per folder). */
    @org.springframework.beans.factory.annotation.Autowired
    QdrExports(ElmSchemaLibrary library, ObjectProvider<EscoCatalog> esco, PersistentIdentifiers identifiers) {
        var cache = new java.util.concurrent.ConcurrentHashMap<Path, ElmVocabulary>();
        var none = ElmVocabulary.withoutNqfList();
        this.vocabularies = () -> library.activeDir().map(dir -> cache.computeIfAbsent(dir, ElmVocabulary::from)).orElse(none);
        this.esco = esco;
        this.publicIris = doc -> identifiers.of(doc).orElse(null);
    }

    QdrExports(ElmVocabulary vocabulary, ObjectProvider<EscoCatalog> esco) {
        this.vocabularies = () -> vocabulary;
        this.esco = esco;
        this.publicIris = doc -> null;
    }

    /** For tests and tools without Spring: the vocabulary of a schema folder, no ESCO labels. */
    public static QdrExports forSchemaDir(Path schemaDir) {
        return new QdrExports(ElmVocabulary.from(schemaDir), null);
    }

    public ElmVocabulary vocabulary() {
        return vocabularies.get();
    }

    /** What the qualification becomes in ELM, with the identifiers every file of it uses. */
    public QdrPlan plan(QualificationDocument doc, String language) {
        return QdrPlan.of(doc, vocabulary(), language, publicIris.apply(doc));
    }

    public void writeLoqXml(QualificationDocument doc, String language, OutputStream out) throws IOException {
        new LoqXmlWriter(vocabulary(), publicIris).write(doc, language, out);
    }

    /** Several qualifications in one LOQ XML document (the register's QDR dataset). */
    public byte[] loqXml(List<QualificationDocument> docs, String language) {
        var out = new ByteArrayOutputStream();
        try {
            new LoqXmlWriter(vocabulary(), publicIris).write(docs, language, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public byte[] loqXml(QualificationDocument doc, String language) {
        var out = new ByteArrayOutputStream();
        try {
            writeLoqXml(doc, language, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public Model model(QualificationDocument doc, String language) {
        return new ElmRdfBuilder(vocabulary(), this::skillLabels, publicIris).build(doc, language);
    }

    public void writeRdf(QualificationDocument doc, String language, Lang lang, OutputStream out) {
        write(model(doc, language), lang, out);
    }

    static void write(Model model, Lang lang, OutputStream out) {
        if (lang == Lang.JSONLD) {
            RDFDataMgr.write(out, model, RDFFormat.JSONLD11_PRETTY);
        } else {
            RDFDataMgr.write(out, model, RDFFormat.TURTLE_BLOCKS);
        }
    }

    public static byte[] serialise(Model model, Lang lang) {
        var out = new ByteArrayOutputStream();
        write(model, lang, out);
        return out.toByteArray();
    }

    private Map<String, String> skillLabels(Collection<String> uris) {
        EscoCatalog catalog = esco == null ? null : esco.getIfAvailable();
        var labels = new LinkedHashMap<String, String>();
        if (catalog != null) {
            catalog.skills(uris).forEach((uri, skill) -> {
                if (skill.label() != null) {
                    labels.put(uri, skill.label());
                }
            });
        }
        return labels;
    }
}
