package org.ordercycle.sales.benchmark;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Tests only: the minimal reference endpoint of the order-placement benchmark — same Quarkus runtime, security,
 * JSON, database and outbox as POST /orders, but one row and one record per request and no business logic.
 */
@Tag(name = "Benchmark", description = "Tests only: the reference the order-placement benchmark compares with")
@Path("/benchmark/reference")
public class ReferenceResource {

    private final ReferenceService reference;

    ReferenceResource(ReferenceService reference) {
        this.reference = reference;
    }

    @POST
    @RolesAllowed({"sales", "sales-manager", "admin"})
    @Operation(operationId = "createReferenceRow", summary = "Persist one row and emit one record")
    public Response create(Map<String, Object> body) {
        UUID id = reference.create(String.valueOf(body));
        return Response.created(URI.create("/benchmark/reference/" + id)).entity(Map.of("id", id)).build();
    }
}
