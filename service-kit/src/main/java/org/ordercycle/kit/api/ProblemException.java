package org.ordercycle.kit.api;

import jakarta.ws.rs.core.Response.Status;
import java.util.List;

/**
 * A request the service understood but will not carry out, with the status and explanation the caller gets as
 * problem+json. Thrown from a service method, it rolls the transaction back: bad input changes nothing.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** 404: the resource does not exist (or is not visible to the caller). */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(Problem.of(Status.NOT_FOUND, what + " " + id + " does not exist"));
    }

    /** 422: the request is well-formed but breaks a business rule, e.g. it names a customer nobody knows. */
    public static ProblemException unprocessable(String title, String detail) {
        return new ProblemException(Problem.of(422, title, detail));
    }

    /** 409: the request conflicts with the resource's current state. */
    public static ProblemException conflict(String title, String detail) {
        return new ProblemException(Problem.of(409, title, detail));
    }

    /** 400 for input that Bean Validation cannot express. */
    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(Problem.of(Status.BAD_REQUEST, "the request has invalid fields")
                .withViolations(List.of(new Problem.Violation(field, message))));
    }
}
