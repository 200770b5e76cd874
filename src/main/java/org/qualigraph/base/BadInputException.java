package org.qualigraph.base;

import java.util.List;

/** Input that cannot be accepted; answered with 400 and every problem, each naming its field or line. */
public class BadInputException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public BadInputException(List<FieldProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public BadInputException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    private static String summary(List<FieldProblem> problems) {
        if (problems.isEmpty()) {
            return "invalid input";
        }
        var first = problems.get(0);
        String text = first.field() == null || first.field().isEmpty() ? first.message() : first.field() + ": " + first.message();
        return problems.size() > 1 ? text + " (and " + (problems.size() - 1) + " more problems)" : text;
    }
}
