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
    @Operation(operationId = "placeOrder", summary = "Place an order for a customer sales knows",
            description = "Publishes OrderPlaced. A customer contact has not registered (or has erased) is a 422.")
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
    @Operation(operationId = "getOrder", summary = "An order with its lines, customer, requested date and salesperson")
    public OrderView find(@PathParam("id") UUID id) {
        return orders.find(id).orElseThrow(() -> ProblemException.notFound("order", id));
    }
}
