package org.qualigraph.esco;

import java.util.Locale;
import org.qualigraph.base.Message;

/**
 * An ESCO package that cannot be imported: a missing file, wrong headers, a damaged zip or a row that does not parse.
 * The message names the file and, where there is one, the line; nothing has been written when it is thrown. It is a
 * sentence of the bundles ({@code problem.esco.*}): the API answers it in English, the Reference data page in its
 * user's language.
 */
public class EscoPackageException extends RuntimeException {

    private final transient Message text;

    public EscoPackageException(Message text) {
        this(text, null);
    }

    public EscoPackageException(Message text, Throwable cause) {
        super(text.english(), cause);
        this.text = text;
    }

    /** The problem as bundle key and values. */
    public Message text() {
        return text;
    }

    /** The problem in this language. */
    public String message(Locale locale) {
        return text.in(locale);
    }
}
