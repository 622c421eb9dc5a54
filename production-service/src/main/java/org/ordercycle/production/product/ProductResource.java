package org.ordercycle.production.product;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ordercycle.kit.api.ProblemException;

@Tag(name = "Products", description = "What production makes or buys: unit cost and lead time")
@Path("/products")
public class ProductResource {

    /** The SKU rule sales applies to order lines. */
    static final String SKU = "[A-Za-z0-9._-]{1,64}";
    static final String SKU_MESSAGE = "must be 1 to 64 letters, digits, dots, underscores or hyphens";

    private final ProductService products;

    ProductResource(ProductService products) {
        this.products = products;
    }

    @PUT
    @Path("{sku}")
    @RolesAllowed({"production", "admin"})
    @Operation(operationId = "saveProduct", summary = "Introduce a product (201) or change it (200)",
            description = "Publishes AvailabilityChanged. A new product starts with nothing on hand.")
    public Response save(@PathParam("sku") @Pattern(regexp = SKU, message = SKU_MESSAGE) String sku,
            @Valid @NotNull ProductRequest request, @Context SecurityContext caller) {
        ProductService.Saved saved = products.save(sku, request, caller.getUserPrincipal().getName());
        return saved.created()
                ? Response.created(URI.create("/products/" + sku)).entity(saved.product()).build()
                : Response.ok(saved.product()).build();
    }

    @PUT
    @Path("{sku}/bill-of-material")
    @RolesAllowed({"production", "admin"})
    @Operation(operationId = "saveBillOfMaterial",
            summary = "Replace what one unit of a product is made of (materials or other products, each with its stock)",
            description = "Unknown product 404; unknown component 422; the product itself or a component named twice 400.")
    public BillOfMaterialView saveBillOfMaterial(@PathParam("sku") String sku,
            @Valid @NotNull BillOfMaterialRequest request) {
        return products.saveBillOfMaterial(sku, request);
    }

    @GET
    @Path("{sku}/bill-of-material")
    @RolesAllowed({"production", "admin", "sales", "sales-manager"})
    @Operation(operationId = "getBillOfMaterial", summary = "What one unit of a product is made of")
    public BillOfMaterialView billOfMaterial(@PathParam("sku") String sku) {
        return products.billOfMaterial(sku);
    }

    @GET
    @Path("{sku}")
    @RolesAllowed({"production", "admin", "sales", "sales-manager", "billing", "returns"})
    @Operation(operationId = "getProduct", summary = "A product with its unit cost and lead time")
    public ProductView find(@PathParam("sku") String sku) {
        return products.find(sku).orElseThrow(() -> ProblemException.notFound("product", sku));
    }
}
