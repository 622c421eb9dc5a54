package org.ordercycle.contact.interaction;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Interactions", description = "Calls, visits, e-mails, meetings and agreements with customers")
@Path("/parties/{id}/interactions")
public class PartyInteractionResource {

    private final InteractionService interactions;

    PartyInteractionResource(InteractionService interactions) {
        this.interactions = interactions;
    }

    @GET
    @RolesAllowed({"crm", "sales", "sales-manager", "production", "billing", "returns", "service", "admin"})
    @Operation(operationId = "listPartyInteractions", summary = "The organization's or person's interactions, newest first")
    public List<InteractionView> with(@PathParam("id") UUID id) {
        return interactions.with(id);
    }
}
