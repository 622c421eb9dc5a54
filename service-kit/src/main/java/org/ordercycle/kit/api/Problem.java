package org.ordercycle.kit.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An error as RFC 9457 {@code application/problem+json}: what went wrong ({@code title}), in this case
 * ({@code detail}), and for invalid input the fields at fault.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    /** One field at fault: its path in the request ({@code lines[0].quantity}, {@code Idempotency-Key}) and why. */
    public record Violation(String field, String message) {
    }

    public static Problem of(Response.Status status, String detail) {
        return of(status.getStatusCode(), status.getReasonPhrase(), detail);
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, List.of());
    }

    public Problem withViolations(List<Violation> violations) {
        return new Problem(type, title, status, detail, instance, violations);
    }

    public Problem at(String instance) {
        return new Problem(type, title, status, detail, instance, violations);
    }

    public Response toResponse() {
        return Response.status(status).type(PROBLEM_JSON).entity(this).build();
    }
}
