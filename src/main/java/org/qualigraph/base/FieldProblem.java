package org.qualigraph.base;

/** One problem with a request, naming the field (a JSON path such as {@code units[2].code}) or the line it is about. */
public record FieldProblem(String field, String message) {
}
