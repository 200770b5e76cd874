package org.qualigraph.esco;

/**
 * An ESCO package that cannot be imported: a missing file, wrong headers, a damaged zip or a row that does not parse.
 * The message names the file and, where there is one, the line; nothing has been written when it is thrown.
 */
public class EscoPackageException extends RuntimeException {

    public EscoPackageException(String message) {
        super(message);
    }

    public EscoPackageException(String message, Throwable cause) {
        super(message, cause);
    }
}
