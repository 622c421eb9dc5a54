package org.ordercycle.billing.invoice;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Billing runs", description = "The scheduled run that issues periodic, on-delivery and released invoices")
@Path("/billing-runs")
public class BillingRunResource {

    private final BillingRun run;

    BillingRunResource(BillingRun run) {
        this.run = run;
    }

    @POST
    @RolesAllowed({"billing", "admin"})
    @Operation(operationId = "runBilling", summary = "Run billing now, as the schedule does: invoice what is due of every customer's pending shipments")
    public BillingRunView run() {
        return run.run();
    }
}
