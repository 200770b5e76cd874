package org.qualigraph.exchange;

import java.io.IOException;
import java.io.OutputStream;
import org.qualigraph.curriculum.QualificationDocument;

/**
 * One export format of a qualification ({@code GET /api/qualifications/{id}/export/{format}} and the editor's export
 * menu). Each format is a Spring bean; the controller and the UI find them by {@link #format()}.
 */
public interface Exporter {

    /** The format name of the contract, e.g. {@code loq-xml}, {@code pdf}. */
    String format();

    /** A label for menus, e.g. "Europass LOQ XML". */
    String label();

    /** The media type of the result, e.g. {@code application/xml}. */
    String mediaType();

    /** The file name extension without the dot, e.g. {@code xml}. */
    String extension();

    /** Writes the export of the document; {@code language} is the preferred language of texts (e.g. "en"). */
    void write(QualificationDocument document, String language, OutputStream out) throws IOException;
}
