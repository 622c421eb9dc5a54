package org.ordercycle.production.schedule;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ordercycle.kit.api.QueryParams;

@Tag(name = "Production orders", description = "Make-to-order lines being made on a work center")
@Path("/production-orders")
public class WorkOrderResource {

    private final WorkOrders workOrders;

    WorkOrderResource(WorkOrders workOrders) {
        this.workOrders = workOrders;
    }

    @GET
    @RolesAllowed({"production", "admin", "sales", "sales-manager"})
    @Operation(operationId = "listProductionOrders", summary = "The production orders of a sales order (?orderId=)")
    public List<WorkOrderView> ofOrder(@QueryParam("orderId") String orderId) {
        return workOrders.ofOrder(QueryParams.requiredUuid("orderId", orderId));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"production", "admin", "sales", "sales-manager"})
    @Operation(operationId = "getProductionOrderSchedule",
            summary = "A production order: work center, hours, planned start and completion, materials")
    public WorkOrderView find(@PathParam("id") UUID id) {
        return workOrders.find(id);
    }

    @POST
    @Path("{id}/completion")
    @RolesAllowed({"production", "admin"})
    @Operation(operationId = "completeProductionOrder",
            summary = "Production made the goods: materials used up, goods reserved for the order",
            description = "Ledger: PRODUCTION_ISSUE per material, PRODUCTION_RECEIPT and RESERVATION of the goods. "
                    + "Publishes StockReserved (or OrderBackordered) and replans the work center. Unknown 404; not "
                    + "planned (completed, cancelled) 409; materials missing 409 naming them.")
    public WorkOrderView complete(@PathParam("id") UUID id, @Context SecurityContext caller) {
        return workOrders.complete(id, caller.getUserPrincipal().getName());
    }
}
