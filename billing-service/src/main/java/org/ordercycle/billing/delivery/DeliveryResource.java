package org.ordercycle.billing.delivery;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ordercycle.kit.api.ProblemException;

@Tag(name = "Invoice delivery", description = "E-mail sent, EDI for the integration to pick up, portal download")
@Path("/invoice-deliveries")
public class DeliveryResource {

    private final DeliveryService deliveries;

    DeliveryResource(DeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    @GET
    @Path("{invoiceId}")
    @RolesAllowed({"billing", "admin"})
    @Operation(operationId = "getInvoiceDelivery", summary = "How an invoice reaches its customer and how far it got")
    public DeliveryView find(@PathParam("invoiceId") UUID invoiceId) {
        return deliveries.find(invoiceId).orElseThrow(() -> ProblemException.notFound("invoice delivery", invoiceId));
    }

    @GET
    @Path("edi")
    @RolesAllowed({"billing", "admin"})
    @Operation(operationId = "listEdiInvoices", summary = "EDI invoices waiting for the integration to pick them up, oldest first")
    public List<DeliveryView> edi() {
        return deliveries.readyForPickup();
    }

    @POST
    @Path("edi/{invoiceId}/pick-up")
    @RolesAllowed({"billing", "admin"})
    @Operation(operationId = "pickUpEdiInvoice", summary = "The integration took the EDI invoice (fetch it as UBL or CII from /invoices/{id})")
    public DeliveryView pickUp(@PathParam("invoiceId") UUID invoiceId) {
        return deliveries.pickUp(invoiceId);
    }
}
