package org.qualigraph.curriculum;

import java.util.List;
import java.util.stream.Collectors;
import org.qualigraph.base.ConflictException;

/**
 * A save refused because it changed shared units in copies older than the stored ones (409, nothing written): the
 * designer's change would silently undo a partner's. The client reloads the units named in {@link #units()} and
 * applies its change on top.
 */
public class UnitConflictException extends ConflictException {

    private final List<UnitConflict> units;

    UnitConflictException(List<UnitConflict> units) {
        super(message(units), units);
        this.units = List.copyOf(units);
    }

    public List<UnitConflict> units() {
        return units;
    }

    private static String message(List<UnitConflict> units) {
        return units.stream().map(u -> "unit " + u.unit() + " (version " + u.storedVersion() + ", changed by "
                        + (u.changedBy() == null ? "someone else" : u.changedBy())
                        + (u.changedIn() == null ? "" : " in qualification " + u.changedIn()) + ")")
                .collect(Collectors.joining(", ", "Your copy of ", " is older than the stored one and you changed it; "
                        + "reload the unit and apply your change again"));
    }
}
