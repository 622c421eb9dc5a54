package org.ordercycle.billing.dunning;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Dunning", description = "Overdue invoices, reminders and notices; disputed orders are not dunned")
@Path("/dunning-runs")
public class DunningResource {

    private final DunningRun run;

    DunningResource(DunningRun run) {
        this.run = run;
    }

    @POST
    @RolesAllowed({"billing", "admin"})
    @Operation(operationId = "runDunning", summary = "Run dunning now, as the schedule does: overdue invoices announced, the next due level issued")
    public DunningRunView run() {
        return run.run();
    }
}
