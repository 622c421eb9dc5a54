package org.ordercycle.production.order;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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

    @GET
    @Path("{id}")
    @Transactional(Transactional.TxType.SUPPORTS)
    @RolesAllowed({"production", "sales", "sales-manager", "admin"})
    @Operation(operationId = "getProductionOrder", summary = "An order as production received it from sales, with its lines")
    public ProductionOrderView find(@PathParam("id") UUID id) {
        return ProductionOrder.<ProductionOrder>findByIdOptional(id).map(ProductionOrderView::from)
                .orElseThrow(() -> ProblemException.notFound("production order", id));
    }
}
