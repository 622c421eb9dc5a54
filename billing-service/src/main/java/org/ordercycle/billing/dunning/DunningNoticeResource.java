package org.ordercycle.billing.dunning;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Dunning", description = "Overdue invoices, reminders and notices; disputed orders are not dunned")
@Path("/dunning-notices")
public class DunningNoticeResource {

    private final DunningService dunning;

    DunningNoticeResource(DunningService dunning) {
        this.dunning = dunning;
    }

    @GET
    @RolesAllowed({"billing", "admin", "sales"})
    @Operation(operationId = "listDunningNotices", summary = "A customer's dunning notices, oldest first")
    public List<DunningNoticeView> notices(
            @Parameter(description = "the customer (required)", required = true) @QueryParam("customerId") String customerId) {
        return dunning.notices(customerId);
    }
}
