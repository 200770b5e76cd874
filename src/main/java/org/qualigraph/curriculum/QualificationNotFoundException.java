package org.qualigraph.curriculum;

import org.qualigraph.base.NotFoundException;

/** No qualification with that id. */
public class QualificationNotFoundException extends NotFoundException {

    public QualificationNotFoundException(String id) {
        super("No qualification with id " + id, org.qualigraph.base.Message.of("refusal.qualification.missing", id));
    }
}
