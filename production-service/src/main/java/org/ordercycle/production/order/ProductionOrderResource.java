package org.ordercycle.production.order;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ordercycle.kit.api.ProblemException;

@Tag(name = "Orders", description = "Accepted orders as production fulfils them")
@Path("/orders")
public class ProductionOrderResource {

    private final ProductionOrders orders;

    ProductionOrderResource(ProductionOrders orders) {
        this.orders = orders;
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"production", "admin", "sales", "sales-manager", "billing", "returns"})
    @Operation(operationId = "getProductionOrder",
            summary = "An order as production fulfils it: status, per line reserved, backordered and shipped, and its shipments")
    public ProductionOrderView find(@PathParam("id") UUID id) {
        return orders.find(id).orElseThrow(() -> ProblemException.notFound("production order", id));
    }
}
