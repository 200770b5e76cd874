package org.qualigraph.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.exchange.elm.QdrExports;
import org.springframework.stereotype.Service;

/**
 * The files of a qualification for other modules (the public register): the Europass files written exactly as the
 * export endpoint writes them, several qualifications in one LOQ XML dataset, and the public edition of the PDF.
 * Published qualifications carry their persistent identifier in every file.
 */
@Service
public class EuropassFiles {

    private final QdrExports exports;
    private final PdfExporter pdf;

    EuropassFiles(QdrExports exports, PdfExporter pdf) {
        this.exports = exports;
        this.pdf = pdf;
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

    /**
     * The curriculum document as PDF for anyone to read: without the quality and approval annexes, so no reviewer,
     * approver, stakeholder or evidence text (the signed-in export keeps them).
     */
    public byte[] publicPdf(QualificationDocument doc, String language) {
        var out = new ByteArrayOutputStream();
        try {
            pdf.writePublic(doc, language, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
