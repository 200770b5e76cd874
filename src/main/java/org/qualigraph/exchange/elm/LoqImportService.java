package org.qualigraph.exchange.elm;

import java.util.ArrayList;
import java.util.List;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports Europass LOQ XML files as editable draft qualifications. The file is read completely and every document is
 * validated before the first one is stored, and all are created in one transaction, so a rejected file changes nothing.
 */
@Service
public class LoqImportService {

    private final QualificationService qualifications;
    private final QdrExports exports;

    LoqImportService(QualificationService qualifications, QdrExports exports) {
        this.qualifications = qualifications;
        this.exports = exports;
    }

    /** What a file would create, for the preview: the documents (not stored) and notes on what is left out. */
    public record Preview(List<QualificationDocument> documents, List<String> notes) {
    }

    /** Reads the file without storing anything; bad files raise {@link org.qualigraph.base.BadInputException}. */
    public Preview preview(byte[] xml) {
        var result = new LoqXmlImporter(exports.vocabulary()).read(xml);
        return new Preview(result.documents(), result.notes());
    }

    /** Creates every qualification of the file as a draft; returns the stored documents. */
    @Transactional
    public List<QualificationDocument> importFile(byte[] xml, String user) {
        var preview = preview(xml);
        var created = new ArrayList<QualificationDocument>();
        for (QualificationDocument doc : preview.documents()) {
            created.add(qualifications.create(doc, user));
        }
        return created;
    }
}
