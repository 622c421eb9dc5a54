package org.ordercycle.billing.payment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Open items", description = "What each customer owes and the credit it has")
@Path("/open-items")
public class OpenItemsListResource {

    private final PaymentService payments;

    OpenItemsListResource(PaymentService payments) {
        this.payments = payments;
    }

    @GET
    @RolesAllowed({"billing", "admin"})
    @Operation(operationId = "listOpenItems", summary = "Every customer with open invoices, largest total open first, with ageing buckets")
    public List<OpenItemsView.Summary> list() {
        return payments.openItemsOfAll();
    }
}
