package org.ordercycle.production.repair;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ordercycle.kit.api.ProblemException;

@Tag(name = "Repairs", description = "The workshop's queue of repairable returns")
@Path("/repairs")
public class RepairResource {

    private final Repairs repairs;

    RepairResource(Repairs repairs) {
        this.repairs = repairs;
    }

    @GET
    @RolesAllowed({"production", "admin", "returns", "service"})
    @Operation(operationId = "listRepairs", summary = "The repair queue (?status=QUEUED|REPAIRED|SCRAPPED), oldest first")
    public List<RepairView> list(@QueryParam("status") String status) {
        return repairs.list(status == null ? null : parse(status));
    }

    @POST
    @Path("{id}/completion")
    @RolesAllowed({"production", "admin"})
    @Operation(operationId = "finishRepair", summary = "The workshop is done: REPAIRED (back to stock) or SCRAPPED",
            description = "Ledger: TRANSFER_OUT from REPAIR and TRANSFER_IN to the default warehouse, or SCRAP. "
                    + "Unknown 404; done already 409.")
    public RepairView finish(@PathParam("id") UUID id, @Valid @NotNull RepairOutcomeRequest request,
            @Context SecurityContext caller) {
        return repairs.finish(id, request, caller.getUserPrincipal().getName());
    }

    private static RepairStatus parse(String status) {
        try {
            return RepairStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("status", "must be QUEUED, REPAIRED or SCRAPPED");
        }
    }
}
