package org.ordercycle.production.stocktaking;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Stock-taking", description = "Counting what is on the shelves and booking the differences")
@Path("/stock-counts")
public class StockCountResource {

    private final StockCounts counts;

    StockCountResource(StockCounts counts) {
        this.counts = counts;
    }

    @POST
    @RolesAllowed({"production", "admin"})
    @Operation(operationId = "openStockCount", summary = "Open a count of a warehouse (the default one if none is named)",
            description = "Goods keep moving while the count is open. Unknown warehouse 422.")
    public Response open(@RequestBody(required = false) @Valid StockCountRequest request, @Context SecurityContext caller) {
        StockCountView count = counts.open(request, caller.getUserPrincipal().getName());
        return Response.created(URI.create("/stock-counts/" + count.id())).entity(count).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"production", "admin"})
    @Operation(operationId = "getStockCount", summary = "A count with its lines, differences and what posting booked")
    public StockCountView find(@PathParam("id") UUID id) {
        return counts.find(id);
    }

    @POST
    @Path("{id}/lines")
    @RolesAllowed({"production", "admin"})
    @Operation(operationId = "recordCountedQuantity",
            summary = "Record what was counted of a product, with the book quantity of this moment",
            description = "Counted again, the later count replaces the earlier one. A posted count is a 409; an "
                    + "unknown product 422; an unknown count 404; a negative quantity 400.")
    public StockCountView record(@PathParam("id") UUID id, @Valid @NotNull CountedRequest request,
            @Context SecurityContext caller) {
        return counts.record(id, request, caller.getUserPrincipal().getName());
    }

    @POST
    @Path("{id}/posting")
    @RolesAllowed({"production", "admin"})
    @Operation(operationId = "postStockCount",
            summary = "Book every difference (counted − book at counting time) as an adjustment and close the count",
            description = "Each difference is an ADJUSTMENT ledger entry with the count as reason; goods found missing "
                    + "that were reserved are taken from orders (backordered again). Posted already 409.")
    public StockCountView post(@PathParam("id") UUID id, @Context SecurityContext caller) {
        return counts.post(id, caller.getUserPrincipal().getName());
    }
}
