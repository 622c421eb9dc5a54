package org.ordercycle.contact.consent;

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

@Tag(name = "Consents", description = "Per channel: granted or withdrawn, legal basis, source, when; history kept")
@Path("/parties/{id}/consents")
public class ConsentResource {

    private final ConsentService consents;

    ConsentResource(ConsentService consents) {
        this.consents = consents;
    }

    @POST
    @RolesAllowed({"crm", "admin"})
    @Operation(operationId = "recordConsent", summary = "Record a consent granted or withdrawn for one channel",
            description = "Appends to the history; the latest record of a channel is its current state.")
    public Response record(@PathParam("id") UUID id, @Valid @NotNull ConsentRequest request,
            @Context SecurityContext caller) {
        return Response.created(URI.create("/parties/" + id + "/consents"))
                .entity(consents.record(id, request, caller.getUserPrincipal().getName())).build();
    }

    @GET
    @RolesAllowed({"crm", "sales", "sales-manager", "production", "billing", "returns", "service", "admin"})
    @Operation(operationId = "getConsents", summary = "The party's consents: current state per channel and the history")
    public ConsentView consents(@PathParam("id") UUID id) {
        return consents.consents(id);
    }
}
