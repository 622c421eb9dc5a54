package org.ordercycle.sales.product;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ordercycle.kit.api.ProblemException;

@Tag(name = "Products", description = "Products and availability as production announces them")
@Path("/products/{sku}")
public class ProductResource {

    private final ProductService products;

    ProductResource(ProductService products) {
        this.products = products;
    }

    @GET
    @RolesAllowed({"sales", "sales-manager", "admin"})
    @Operation(operationId = "getProduct", summary = "What production last announced of a product: stock, "
            + "available to promise, lead time")
    public ProductView find(@PathParam("sku") String sku) {
        return products.find(sku).orElseThrow(() -> ProblemException.notFound("product", sku));
    }
}
