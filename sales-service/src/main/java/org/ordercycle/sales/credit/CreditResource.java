package org.ordercycle.sales.credit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ordercycle.kit.api.ProblemException;

@Tag(name = "Credit", description = "Customers' credit limits and open amounts, for the credit hold")
@Path("/customers/{id}/credit")
public class CreditResource {

    private final CreditService credit;

    CreditResource(CreditService credit) {
        this.credit = credit;
    }

    @GET
    @RolesAllowed({"sales", "sales-manager", "admin"})
    @Operation(operationId = "getCustomerCredit", summary = "A customer's credit limit, open amount (from billing's "
            + "events) and what remains before orders are held")
    public CreditView find(@PathParam("id") UUID id) {
        return credit.position(id).orElseThrow(() -> ProblemException.notFound("customer", id));
    }
}
