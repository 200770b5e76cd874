package org.qualigraph.base;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The JSON error body of the contract. {@code problems} lists every field problem when there are several; the
 * {@code message} always names the first one. {@code conflicts} lists what a 409 conflicts with, where the contract
 * says so (a stale copy of a shared unit).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(int status, String error, String message, String path, List<FieldProblem> problems,
                       List<?> conflicts) {

    public ApiError(int status, String error, String message, String path, List<FieldProblem> problems) {
        this(status, error, message, path, problems, List.of());
    }
}
