package org.ordercycle.sales.order;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ordercycle.kit.api.IdempotentCreates;
import org.ordercycle.kit.api.ProblemException;

@Tag(name = "Orders", description = "Customer orders from placement to refund")
@Path("/orders")
public class OrderResource {

    private final OrderService orders;
    private final IdempotentCreates idempotent;

    OrderResource(OrderService orders, IdempotentCreates idempotent) {
        this.orders = orders;
        this.idempotent = idempotent;
    }

    @POST
    @RolesAllowed({"sales", "sales-manager", "admin"})
    @Operation(operationId = "placeOrder", summary = "Place, price and accept an order for a customer sales knows",
            description = "Prices every line at the price in force and the customer's discount, promises a date "
                    + "from production's availability and accepts the order: publishes OrderPlaced and "
                    + "OrderAccepted. A customer contact has not registered (or has erased) is a 422, and so is any "
                    + "line without a price in force or priced in another currency than the customer's (all such "
                    + "lines are named).")
    public Response place(@Valid @NotNull OrderRequest request,
            @Parameter(description = "Send the same key again to retry safely: the order is placed once.")
            @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey,
            @Context SecurityContext caller) {
        return idempotent.create(idempotencyKey, "POST /orders", request, () -> {
            OrderView order = orders.place(request, caller.getUserPrincipal().getName());
            return new IdempotentCreates.Created(URI.create("/orders/" + order.id()), order);
        });
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"sales", "sales-manager", "production", "billing", "returns", "service", "crm", "admin"})
    @Operation(operationId = "getOrder", summary = "An order with its priced lines, totals, promised date and status")
    public OrderView find(@PathParam("id") UUID id) {
        return orders.find(id).orElseThrow(() -> ProblemException.notFound("order", id));
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed({"sales", "sales-manager", "admin"})
    @Operation(operationId = "cancelOrder", summary = "Cancel an order that has not shipped",
            description = "Publishes OrderCancelled. 409 once sales has seen a shipment of the order, or when it "
                    + "is cancelled already.")
    public OrderView cancel(@PathParam("id") UUID id, @Valid CancelRequest request, @Context SecurityContext caller) {
        return orders.cancel(id, request, caller.getUserPrincipal().getName());
    }

    @GET
    @Path("{id}/timeline")
    @RolesAllowed({"sales", "sales-manager", "production", "billing", "returns", "service", "crm", "admin"})
    @Operation(operationId = "getOrderTimeline", summary = "Every step of the order through the departments, "
            + "oldest first, with time, department and who acted")
    public List<TimelineStep> timeline(@PathParam("id") UUID id) {
        return orders.timeline(id).orElseThrow(() -> ProblemException.notFound("order", id));
    }
}
