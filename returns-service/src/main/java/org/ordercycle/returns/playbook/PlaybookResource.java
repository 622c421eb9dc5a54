package org.ordercycle.returns.playbook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Playbooks", description = "Per ticket type: the steps and answers the company expects")
@Path("/playbooks/{type}")
public class PlaybookResource {

    private final PlaybookService playbooks;

    PlaybookResource(PlaybookService playbooks) {
        this.playbooks = playbooks;
    }

    @GET
    @RolesAllowed({"service", "admin", "sales"})
    @Operation(operationId = "getPlaybook", summary = "The playbook of a ticket type (INSTALLATION, REPAIR, …)")
    public PlaybookView find(@PathParam("type") String type) {
        return playbooks.find(type);
    }

    @PUT
    @RolesAllowed({"service", "admin"})
    @Operation(operationId = "revisePlaybook", summary = "Replace a ticket type's playbook steps",
            description = "Tickets already open keep the steps they opened with.")
    public PlaybookView revise(@PathParam("type") String type, @Valid @NotNull PlaybookRequest request,
            @Context SecurityContext caller) {
        return playbooks.revise(type, request, caller.getUserPrincipal().getName());
    }
}
