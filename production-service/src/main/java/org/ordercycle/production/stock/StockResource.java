package org.ordercycle.production.stock;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ordercycle.kit.api.ProblemException;

@Tag(name = "Stock", description = "Goods on hand, reserved for accepted orders and still missing")
@Path("/stock")
public class StockResource {

    private final StockService stock;

    StockResource(StockService stock) {
        this.stock = stock;
    }

    @POST
    @Path("receipts")
    @RolesAllowed({"production", "admin"})
    @Operation(operationId = "receiveStock", summary = "Record a goods receipt; it fills backorders, oldest promised date first",
            description = "Publishes AvailabilityChanged, and StockReserved or OrderBackordered for every order it "
                    + "reserved for. An unknown product is a 422.")
    public Response receive(@Valid @NotNull ReceiptRequest request, @Context SecurityContext caller) {
        ReceiptView receipt = stock.receive(request, caller.getUserPrincipal().getName());
        return Response.created(URI.create("/stock/" + receipt.sku())).entity(receipt).build();
    }

    @GET
    @Path("{sku}")
    @RolesAllowed({"production", "admin", "sales", "sales-manager", "billing", "returns"})
    @Operation(operationId = "getStock", summary = "A product's stock: on hand, reserved, available to promise, backordered")
    public StockView find(@PathParam("sku") String sku) {
        return stock.find(sku).orElseThrow(() -> ProblemException.notFound("stock of product", sku));
    }
}
