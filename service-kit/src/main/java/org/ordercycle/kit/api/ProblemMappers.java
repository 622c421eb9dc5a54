package org.ordercycle.kit.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.ordercycle.kit.inbox.Failures;

/**
 * Turns every error into {@code application/problem+json}: bad input is a 400 listing the fields at fault, a broken
 * business rule its own 4xx, missing or wrong credentials 401/403, and anything unexpected a 500 that reveals
 * nothing of the internals (the log has it, under the id the caller sees).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException exception, UriInfo uri) {
        return exception.problem().at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response invalidInput(ResteasyReactiveViolationException exception, UriInfo uri) {
        return invalidInput((ConstraintViolationException) exception, uri);
    }

    @ServerExceptionMapper
    public Response invalidInput(ConstraintViolationException exception, UriInfo uri) {
        boolean ourFault = exception.getConstraintViolations().stream().anyMatch(violation -> {
            for (Path.Node node : violation.getPropertyPath()) {
                if (node.getKind() == ElementKind.RETURN_VALUE) {
                    return true;
                }
            }
            return false;
        });
        return ourFault ? unexpected(exception, uri) : violations(exception.getConstraintViolations(), uri);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException exception, UriInfo uri) {
        return badJson(exception, "unknown field", uri);
    }

    @ServerExceptionMapper
    public Response wrongType(InvalidFormatException exception, UriInfo uri) {
        return badJson(exception, "expected " + describe(exception.getTargetType()) + " but got '" + exception.getValue() + "'", uri);
    }

    @ServerExceptionMapper
    public Response wrongShape(MismatchedInputException exception, UriInfo uri) {
        String expected = exception.getTargetType() == null ? "another shape" : describe(exception.getTargetType());
        return badJson(exception, "expected " + expected, uri);
    }

    @ServerExceptionMapper
    public Response rejectedValue(ValueInstantiationException exception, UriInfo uri) {
        String reason = exception.getCause() == null ? exception.getOriginalMessage() : exception.getCause().getMessage();
        return badJson(exception, reason, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException exception, UriInfo uri) {
        if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return badJson(mapping, mapping.getOriginalMessage(), uri);
        }
        return Problem.of(Status.BAD_REQUEST, "the request body is not valid JSON: " + exception.getOriginalMessage())
                .at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException exception, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException exception, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException exception, UriInfo uri) {
        return Problem.of(Status.FORBIDDEN, "your roles do not allow this request").at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException exception, UriInfo uri) {
        if (exception.getCause() instanceof JsonProcessingException unreadable) {
            return unreadable(unreadable, uri);
        }
        int status = exception.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(exception, uri);
        }
        Status known = Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "no resource at " + uri.getPath();
            case 405 -> "this method is not allowed on " + uri.getPath();
            case 406 -> "this resource cannot answer in the requested media type";
            case 415 -> "send the request body as application/json";
            case 400 -> "the request cannot be read";
            default -> exception.getMessage();
        };
        return Problem.of(status, title, detail).at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable exception, UriInfo uri) {
        if (Failures.isOutage(exception) || Failures.isTransientConflict(exception)) {
            // Nothing was changed (the transaction rolled back) and the same request will most likely succeed.
            LOG.warnf("Transient failure on %s, answered 503: %s", uri.getPath(), Failures.describe(exception));
            String detail = Failures.isOutage(exception) ? "the service's database cannot be reached right now"
                    : "the request collided with a concurrent change";
            return Response.fromResponse(Problem.of(Status.SERVICE_UNAVAILABLE, detail
                    + "; nothing was changed, send the same request again").at(uri.getPath()).toResponse())
                    .header("Retry-After", "1").build();
        }
        if (unstorable(exception)) {
            // The database refused a value the request brought (nothing was written: the transaction rolled back).
            LOG.debugf("Unstorable value on %s: %s", uri.getPath(), Failures.describe(exception));
            return Problem.of(Status.BAD_REQUEST, "a value in the request cannot be stored: a text with a NUL"
                    + " character or an invalid byte, or a number, date or text beyond what the field holds")
                    .at(uri.getPath()).toResponse();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(exception, "Unexpected error %s on %s", errorId, uri.getPath());
        return Problem.of(Status.INTERNAL_SERVER_ERROR, "an unexpected error occurred; it was logged as " + errorId)
                .at(uri.getPath()).toResponse();
    }

    /**
     * PostgreSQL's data exceptions a request's own value causes: string too long (22001), numeric out of range
     * (22003), invalid datetime or datetime out of range (22007, 22008), NUL or bytes outside UTF-8 (22021, 22P05).
     */
    private static final Set<String> UNSTORABLE = Set.of("22001", "22003", "22007", "22008", "22021", "22P05");

    static boolean unstorable(Throwable exception) {
        Set<Throwable> seen = new java.util.HashSet<>();
        for (Throwable cause = exception; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && UNSTORABLE.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static Response unauthorized(UriInfo uri) {
        return Response.fromResponse(Problem.of(Status.UNAUTHORIZED, "a valid bearer token is required")
                        .at(uri.getPath()).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    private static Response violations(Set<ConstraintViolation<?>> violations, UriInfo uri) {
        List<Problem.Violation> fields = violations.stream()
                .map(violation -> new Problem.Violation(field(violation.getPropertyPath()), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        String detail = fields.stream().map(Problem.Violation::field).distinct()
                .collect(Collectors.joining(", ", "invalid fields: ", ""));
        return Problem.of(Status.BAD_REQUEST, detail).withViolations(fields).at(uri.getPath()).toResponse();
    }

    private static Response badJson(JsonMappingException exception, String reason, UriInfo uri) {
        String field = jsonPath(exception.getPath());
        if (field.isEmpty()) {
            return Problem.of(Status.BAD_REQUEST, "the request body cannot be read: " + reason).at(uri.getPath()).toResponse();
        }
        return Problem.of(Status.BAD_REQUEST, "invalid fields: " + field)
                .withViolations(List.of(new Problem.Violation(field, reason)))
                .at(uri.getPath()).toResponse();
    }

    /** {@code place.request.lines[0].quantity} → {@code lines[0].quantity}: the caller's view of the field. */
    static String field(Path path) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER || node.getKind() == ElementKind.CROSS_PARAMETER) {
                names.add(node.getName());
                continue;
            }
            // A constraint on a list item (List<@NotNull Line>) names the item "<list element>": the index says it all.
            String name = node.getName() == null || node.getKind() == ElementKind.CONTAINER_ELEMENT ? "" : node.getName();
            if (node.getIndex() != null) {
                names.add("[" + node.getIndex() + "]" + (name.isEmpty() ? "" : "." + name));
            } else if (node.getKey() != null) {
                names.add("[" + node.getKey() + "]" + (name.isEmpty() ? "" : "." + name));
            } else if (!name.isEmpty()) {
                names.add(name);
            }
        }
        // A body parameter's own name says nothing to the caller; a header or query parameter's name does.
        if (names.size() > 1) {
            names.remove(0);
        }
        return String.join(".", names).replace(".[", "[");
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String describe(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date or time";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
