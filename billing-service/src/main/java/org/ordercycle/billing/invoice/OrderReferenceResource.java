package org.ordercycle.billing.invoice;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Invoices", description = "One invoice per shipment, at the prices sales agreed")
@Path("/orders/{id}/po-reference")
public class OrderReferenceResource {

    private final InvoiceService invoices;

    OrderReferenceResource(InvoiceService invoices) {
        this.invoices = invoices;
    }

    @PUT
    @RolesAllowed({"billing", "admin"})
    @Operation(operationId = "setPurchaseOrderReference", summary = "Record the customer's purchase-order reference for an order; shipments held for it are invoiced")
    public OrderReferenceView refer(@PathParam("id") UUID orderId, @Valid @NotNull OrderReferenceRequest request) {
        return invoices.referTo(orderId, request.poReference());
    }
}
