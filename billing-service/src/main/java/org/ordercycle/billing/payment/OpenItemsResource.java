package org.ordercycle.billing.payment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Open items", description = "What each customer owes and the credit it has")
@Path("/customers/{id}/open-items")
public class OpenItemsResource {

    private final PaymentService payments;

    OpenItemsResource(PaymentService payments) {
        this.payments = payments;
    }

    @GET
    @RolesAllowed({"billing", "admin", "sales", "returns"})
    @Operation(operationId = "getOpenItems", summary = "A customer's open invoices, oldest due first, its credit and total open")
    public OpenItemsView find(@PathParam("id") UUID customerId) {
        return payments.openItems(customerId);
    }
}
