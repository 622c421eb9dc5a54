package org.ordercycle.returns.satisfaction;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.ordercycle.kit.api.ProblemException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Satisfaction", description = "Customers' ratings after a return or a service ticket")
@Path("/satisfaction")
public class SatisfactionResource {

    private final SatisfactionService satisfaction;

    SatisfactionResource(SatisfactionService satisfaction) {
        this.satisfaction = satisfaction;
    }

    @POST
    @RolesAllowed({"service", "returns", "admin"})
    @Operation(operationId = "recordSatisfaction", summary = "Record the customer's rating of a return or a ticket",
            description = "Score 1–5 and an optional comment, once per return or ticket (409 again). Publishes "
                    + "SatisfactionRecorded. 422 when the return or ticket does not exist.")
    public Response record(@Valid @NotNull SatisfactionRequest request, @Context SecurityContext caller) {
        SatisfactionView recorded = satisfaction.record(request, caller.getUserPrincipal().getName());
        return Response.created(URI.create("/satisfaction/" + recorded.id())).entity(recorded).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"service", "returns", "admin", "sales", "crm"})
    @Operation(operationId = "getSatisfaction", summary = "A recorded rating")
    public SatisfactionView find(@PathParam("id") UUID id) {
        return satisfaction.find(id).orElseThrow(() -> ProblemException.notFound("rating", id));
    }
}
