package org.ordercycle.production.shipment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ordercycle.kit.api.IdempotentCreates;

@Tag(name = "Shipments", description = "Goods of an order leaving the warehouse")
@Path("/orders/{id}/shipments")
public class ShipmentResource {

    private final ShipmentService shipments;
    private final IdempotentCreates idempotent;

    ShipmentResource(ShipmentService shipments, IdempotentCreates idempotent) {
        this.shipments = shipments;
        this.idempotent = idempotent;
    }

    @POST
    @RolesAllowed({"production", "admin"})
    @Operation(operationId = "shipOrder", summary = "Ship reserved goods of an order, all or part of them",
            description = "Publishes ShipmentDispatched with exactly what left. More than is reserved and not yet "
                    + "shipped for a line is a 409 naming the line, and nothing changes; a cancelled order is a 409; "
                    + "an unknown line a 422.")
    public Response ship(@PathParam("id") UUID orderId, @Valid @NotNull ShipmentRequest request,
            @Parameter(description = "Send the same key again to retry safely: the goods ship once.")
            @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey,
            @Context SecurityContext caller) {
        return idempotent.create(idempotencyKey, "POST /orders/" + orderId + "/shipments", request, () -> {
            ShipmentView shipment = shipments.ship(orderId, request, caller.getUserPrincipal().getName());
            return new IdempotentCreates.Created(
                    URI.create("/orders/" + orderId), shipment);
        });
    }
}
