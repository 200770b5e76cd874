package org.qualigraph.base;

/** The three roles of the contract; a user may hold several. */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String DESIGNER = "DESIGNER";
    public static final String REVIEWER = "REVIEWER";

    private Roles() {
    }
}
