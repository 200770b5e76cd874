package org.qualigraph.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.exchange.elm.QdrExports;
import org.springframework.stereotype.Service;

/**
 * The files of a qualification for other modules (the public register): the Europass files written exactly as the
 * export endpoint writes them, several qualifications in one LOQ XML dataset, and the other export formats by name.
 * Published qualifications carry their persistent identifier in every file.
 */
@Service
public class EuropassFiles {

    private final QdrExports exports;
    private final Map<String, Exporter> exporters;

    EuropassFiles(QdrExports exports, List<Exporter> exporters) {
        this.exports = exports;
        this.exporters = exporters.stream().collect(Collectors.toMap(Exporter::format, Function.identity(), (a, b) -> a));
    }

    public byte[] loqXml(QualificationDocument doc) {
        return exports.loqXml(doc, "en");
    }

    /** Every given qualification in one LOQ XML document; shared awarding bodies appear once. */
    public byte[] loqXml(List<QualificationDocument> docs) {
        return exports.loqXml(docs, "en");
    }

    /** The ELM graph of the qualification (a new model the caller owns). */
    public Model model(QualificationDocument doc) {
        return exports.model(doc, "en");
    }

    /** A unit or outcome code as it appears in the fragment of its identifier ({@code #unit-U1}). */
    public static String fragment(String code) {
        return org.qualigraph.exchange.elm.QdrPlan.fragment(code);
    }

    public static byte[] serialise(Model model, Lang lang) {
        return QdrExports.serialise(model, lang);
    }

    /** Another export format of the contract ({@code pdf}, {@code html}, ...), in a language. */
    public byte[] export(QualificationDocument doc, String format, String language) {
        Exporter exporter = exporters.get(format);
        if (exporter == null) {
            throw new IllegalArgumentException("no exporter " + format);
        }
        var out = new ByteArrayOutputStream();
        try {
            exporter.write(doc, language, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
