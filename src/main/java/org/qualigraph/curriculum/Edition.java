package org.qualigraph.curriculum;

/**
 * The edition of a qualification as users know it: revision 1, 2 … of the published qualification, or a draft of
 * the next one. The document's {@code version} is a save counter for optimistic locking and never shown as the
 * edition: a first publication after 17 saves is still revision 1.
 *
 * @param revision  the number of the revision in its chain (1 for a qualification that was never revised)
 * @param published whether this revision is published or archived, i.e. final; otherwise it is a draft of it
 */
public record Edition(int revision, boolean published) {

    /** For file names: {@code r1}, or {@code r2-draft}. */
    public String fileSuffix() {
        return "r" + revision + (published ? "" : "-draft");
    }
}
