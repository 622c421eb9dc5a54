package org.ordercycle.production.purchasing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Purchasing", description = "Suppliers, reorder points, purchase orders and goods receipt with inspection")
@Path("/")
public class PurchasingResource {

    private final Purchasing purchasing;

    PurchasingResource(Purchasing purchasing) {
        this.purchasing = purchasing;
    }

    @POST
    @Path("suppliers")
    @RolesAllowed({"production", "admin"})
    @Operation(operationId = "registerSupplier", summary = "Register a supplier (name, contact data, optionally the CRM's party id)")
    public Response register(@Valid @NotNull SupplierRequest request) {
        SupplierView supplier = purchasing.register(request);
        return Response.created(URI.create("/suppliers/" + supplier.id())).entity(supplier).build();
    }

    @GET
    @Path("suppliers")
    @RolesAllowed({"production", "admin"})
    @Operation(operationId = "listSuppliers", summary = "Every supplier with its reject rate")
    public List<SupplierView> suppliers() {
        return purchasing.suppliers();
    }

    @GET
    @Path("suppliers/{id}")
    @RolesAllowed({"production", "admin"})
    @Operation(operationId = "getSupplier", summary = "A supplier with received and rejected quantities and its reject rate")
    public SupplierView supplier(@PathParam("id") UUID id) {
        return purchasing.supplier(id);
    }

    @PUT
    @Path("reorder-points/{sku}")
    @RolesAllowed({"production", "admin"})
    @Operation(operationId = "setReorderPoint", summary = "Set the reorder point and quantity of a product or material",
            description = "Unknown product or supplier 422; negative point or non-positive quantity 400.")
    public ReorderPointRequest setReorderPoint(@PathParam("sku") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}",
            message = "must be a SKU") String sku, @Valid @NotNull ReorderPointRequest request) {
        return purchasing.setReorderPoint(sku, request);
    }

    @GET
    @Path("purchase-orders/suggestions")
    @RolesAllowed({"production", "admin"})
    @Operation(operationId = "suggestPurchaseOrders",
            summary = "What to buy: products whose available stock plus what is on order fell below the reorder point")
    public List<SuggestionView> suggestions() {
        return purchasing.suggestions();
    }

    @POST
    @Path("purchase-orders")
    @RolesAllowed({"production", "admin"})
    @Operation(operationId = "placePurchaseOrder", summary = "Order goods from a supplier into a warehouse",
            description = "Unknown supplier, product or warehouse 422; a SKU named twice 400.")
    public Response order(@Valid @NotNull PurchaseOrderRequest request, @Context SecurityContext caller) {
        PurchaseOrderView order = purchasing.order(request, caller.getUserPrincipal().getName());
        return Response.created(URI.create("/purchase-orders/" + order.id())).entity(order).build();
    }

    @GET
    @Path("purchase-orders/{id}")
    @RolesAllowed({"production", "admin"})
    @Operation(operationId = "getPurchaseOrder", summary = "A purchase order with what was accepted and rejected per line")
    public PurchaseOrderView purchaseOrder(@PathParam("id") UUID id) {
        return purchasing.purchaseOrder(id);
    }

    @POST
    @Path("purchase-orders/{id}/receipts")
    @RolesAllowed({"production", "admin"})
    @Operation(operationId = "receivePurchaseOrder",
            summary = "Goods receipt against a purchase order, with incoming inspection (accepted, rejected per line)",
            description = "Accepted goods: a RECEIPT in the ledger (reference: the purchase order), filling backorders; "
                    + "rejected ones count against the supplier's reject rate. More than open 409; unknown line 422; "
                    + "unknown purchase order 404.")
    public PurchaseOrderView receive(@PathParam("id") UUID id, @Valid @NotNull GoodsReceiptRequest request,
            @Context SecurityContext caller) {
        return purchasing.receive(id, request, caller.getUserPrincipal().getName());
    }
}
