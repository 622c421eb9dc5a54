package org.ordercycle.kit.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every request body is JSON. Without this, a resource whose request record has a single text component
 * ({@code record OrderReferenceRequest(String poReference)}) would take a {@code text/plain} body whole, as that
 * text, through the record's one-argument constructor — bypassing the JSON reader and its unknown-field check.
 * A body of any other media type, or of none, is a 415 problem; a request without a body passes whatever it says.
 */
public class JsonBodiesOnly {

    @ServerRequestFilter
    public Optional<Response> requireJson(ContainerRequestContext request) {
        String length = request.getHeaderString("Content-Length");
        boolean body = request.getHeaderString("Transfer-Encoding") != null
                || length != null && !length.isBlank() && !length.strip().equals("0");
        if (!body) {
            return Optional.empty(); // a Content-Type without a body says nothing
        }
        MediaType type;
        try {
            type = request.getMediaType();
        } catch (IllegalArgumentException unreadable) {
            type = null;
        }
        if (type != null && (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                || "application".equals(type.getType()) && type.getSubtype().endsWith("+json"))) {
            return Optional.empty();
        }
        return Optional.of(Problem.of(Response.Status.UNSUPPORTED_MEDIA_TYPE, "send the request body as application/json")
                .at(request.getUriInfo().getPath()).toResponse());
    }
}
