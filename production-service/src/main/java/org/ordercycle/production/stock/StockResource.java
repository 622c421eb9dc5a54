package org.ordercycle.production.stock;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
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

    @POST
    @Path("adjustments")
    @RolesAllowed({"production", "admin"})
    @Operation(operationId = "adjustStock", summary = "Correct what is on hand of a product in a warehouse, with a reason",
            description = "A ledger entry of kind ADJUSTMENT. Goods found missing that were reserved are taken from "
                    + "the orders that held them, latest promised date first (they are backordered again); goods found "
                    + "fill backorders. Below nothing is a 409; an unknown product or warehouse a 422.")
    public StockView adjust(@Valid @NotNull AdjustmentRequest request, @Context SecurityContext caller) {
        return stock.adjust(request, caller.getUserPrincipal().getName());
    }

    @POST
    @Path("transfers")
    @RolesAllowed({"production", "admin"})
    @Operation(operationId = "transferStock", summary = "Move unreserved goods from one warehouse to another",
            description = "Two ledger entries (TRANSFER_OUT, TRANSFER_IN); the receiving warehouse's backorders are "
                    + "filled. More than is available is a 409; an unknown product or warehouse a 422.")
    public StockView transfer(@Valid @NotNull TransferRequest request, @Context SecurityContext caller) {
        return stock.transfer(request, caller.getUserPrincipal().getName());
    }

    @GET
    @Path("{sku}/movements")
    @RolesAllowed({"production", "admin", "sales", "sales-manager", "billing", "returns"})
    @Operation(operationId = "listStockMovements",
            summary = "The stock ledger of a product, oldest first, each entry with the figures after it",
            description = "Every receipt, reservation, release, issue on shipment, adjustment, return to stock, scrap "
                    + "and transfer. The sums per warehouse are the stock figures. Unknown product or warehouse 404.")
    public List<MovementView> movements(@PathParam("sku") String sku,
            @QueryParam("warehouse") String warehouse) {
        return stock.movements(sku, warehouse);
    }

    @GET
    @Path("{sku}")
    @RolesAllowed({"production", "admin", "sales", "sales-manager", "billing", "returns"})
    @Operation(operationId = "getStock",
            summary = "A product's stock: on hand, reserved, available to promise, backordered; totals and per warehouse")
    public StockView find(@PathParam("sku") String sku) {
        return stock.find(sku).orElseThrow(() -> ProblemException.notFound("stock of product", sku));
    }
}
