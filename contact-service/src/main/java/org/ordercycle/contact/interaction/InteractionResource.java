package org.ordercycle.contact.interaction;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Interactions", description = "Calls, visits, e-mails, meetings and agreements with customers")
@Path("/interactions")
public class InteractionResource {

    private final InteractionService interactions;

    InteractionResource(InteractionService interactions) {
        this.interactions = interactions;
    }

    @POST
    @RolesAllowed({"crm", "sales", "sales-manager", "service", "admin"})
    @Operation(operationId = "logInteraction",
            summary = "Log a call, visit, e-mail, meeting or agreement with an organization, a person or both",
            description = "422 when the organization or person does not exist.")
    public Response log(@Valid @NotNull InteractionRequest request, @Context SecurityContext caller) {
        InteractionView interaction = interactions.log(request, caller.getUserPrincipal().getName());
        return Response.created(URI.create("/interactions/" + interaction.id())).entity(interaction).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"crm", "sales", "sales-manager", "production", "billing", "returns", "service", "admin"})
    @Operation(operationId = "getInteraction", summary = "One interaction")
    public InteractionView find(@PathParam("id") UUID id) {
        return interactions.find(id);
    }
}
