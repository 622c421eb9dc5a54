package org.ordercycle.kit.outbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every service's parked outbox events: what the broker refused for good, and releasing one after the fix. */
@Path("/admin/outbox/parked")
@RolesAllowed("admin")
@Tag(name = "Outbox administration", description = "Events the broker refused for good (too large, not authorized,"
        + " topic missing): parked by the relay, with the events of their key waiting behind them")
public class OutboxAdminResource {

    private final ParkedEvents parked;

    OutboxAdminResource(ParkedEvents parked) {
        this.parked = parked;
    }

    @GET
    @Operation(operationId = "listParkedOutboxEvents", summary = "Parked outbox events, oldest first",
            description = "Each with the broker's reason, the number of refusals, its topic, key, type and creation time.")
    public List<ParkedEvent> list(
            @Parameter(description = "At most this many (1 to 1000)") @QueryParam("limit") @DefaultValue("100")
            @Min(1) @Max(1000) int limit) {
        return parked.list(limit);
    }

    @POST
    @Path("{id}/retry")
    @Operation(operationId = "retryParkedOutboxEvent", summary = "Release a parked outbox event for another try",
            description = "Once its cause is fixed: the relay sends it at once, then the events of its key that waited"
                    + " behind it. Refused again, it is parked again. 404 for an unknown id, 409 if it is not parked.")
    @APIResponse(responseCode = "202", description = "Released; the relay sends it shortly")
    public Response retry(@PathParam("id") long id) {
        return Response.accepted(parked.retry(id)).build();
    }
}
