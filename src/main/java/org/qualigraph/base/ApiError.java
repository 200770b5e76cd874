package org.qualigraph.base;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The JSON error body of the contract. {@code problems} lists every field problem when there are several; the
 * {@code message} always names the first one.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(int status, String error, String message, String path, List<FieldProblem> problems) {
}
