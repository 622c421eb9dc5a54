package org.ordercycle.production.shipment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Shipments", description = "Goods of an order leaving the warehouse")
@Path("/shipments/{id}")
public class DeliveryResource {

    private final ShipmentService shipments;

    DeliveryResource(ShipmentService shipments) {
        this.shipments = shipments;
    }

    @GET
    @RolesAllowed({"production", "admin", "sales", "sales-manager", "billing", "returns"})
    @Operation(operationId = "getShipment", summary = "A shipment: what left, how, when, and when it was delivered")
    public ShipmentView find(@PathParam("id") UUID id) {
        return shipments.find(id);
    }

    @POST
    @Path("delivery")
    @RolesAllowed({"production", "admin"})
    @Operation(operationId = "confirmDelivery", summary = "Confirm that the customer has the goods",
            description = "Publishes ShipmentDelivered. Body optional: {deliveredAt} (not in the future, not before "
                    + "the shipment left); absent means now. Unknown shipment 404; delivered already 409.")
    public ShipmentView deliver(@PathParam("id") UUID id, @RequestBody(required = false) @Valid DeliveryRequest request,
            @Context SecurityContext caller) {
        return shipments.deliver(id, request, caller.getUserPrincipal().getName());
    }
}
