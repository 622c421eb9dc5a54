package org.ordercycle.production.fulfillment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Fulfillment", description = "Whether orders keep their promised date")
@Path("/fulfillment")
public class FulfillmentResource {

    private final LateOrders late;

    FulfillmentResource(LateOrders late) {
        this.late = late;
    }

    @GET
    @Path("late")
    @RolesAllowed({"production", "admin", "sales", "sales-manager"})
    @Operation(operationId = "listLateOrders",
            summary = "Open orders past their promised date, or planned to be ready after it; most days late first")
    public List<LateOrderView> late() {
        return late.list();
    }
}
