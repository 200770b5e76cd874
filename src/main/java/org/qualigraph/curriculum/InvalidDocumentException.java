package org.qualigraph.curriculum;

import java.util.List;
import org.qualigraph.base.BadInputException;
import org.qualigraph.base.FieldProblem;

/** A document that cannot be stored; carries every problem with the field it concerns. */
public class InvalidDocumentException extends BadInputException {

    public InvalidDocumentException(List<FieldProblem> problems) {
        super(problems);
    }

    public InvalidDocumentException(String field, String message) {
        super(field, message);
    }
}
