package org.qualigraph.base;

/**
 * A cheap value that changes whenever the counts of some {@link MenuShortcut}s may have changed, on any instance that
 * shares the database (e.g. a counter the workflow advances with each transition). A Spring bean of a feature;
 * {@link MenuCounts} reads all of them once per poll for the whole instance, never once per open UI, and refreshes
 * the menus only when one changed.
 */
public interface MenuStamp {

    /** The current value; a different value than last time means "read the counts again". */
    long stamp();
}
