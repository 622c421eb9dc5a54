package org.ordercycle.sales.price;

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

/** The default price list (sales.pricing.default-price-list), as it was before there were several. */
@Tag(name = "Prices", description = "Price lists: unit price, currency and tax rate per SKU, with their history")
@Path("/prices/{sku}")
public class PriceResource {

    static final String SKU = "[A-Za-z0-9._-]{1,64}";
    static final String SKU_MESSAGE = "must be 1 to 64 letters, digits, dots, underscores or hyphens";

    private final PriceService prices;

    PriceResource(PriceService prices) {
        this.prices = prices;
    }

    @PUT
    @RolesAllowed({"sales-manager", "admin"})
    @Operation(operationId = "setPrice", summary = "Set a SKU's price in the default price list from a day on",
            description = "Keeps every earlier price; the one in force is the latest validFrom on or before today "
                    + "(UTC). 201 for a SKU's first price, 200 after that. Without taxRate the configured domestic "
                    + "standard rate applies.")
    public Response set(@PathParam("sku") @Pattern(regexp = SKU, message = SKU_MESSAGE) String sku,
            @Valid @NotNull PriceRequest request, @Context SecurityContext caller) {
        PriceService.Stored set = prices.set(prices.defaultList(), sku, request, caller.getUserPrincipal().getName());
        return (set.first() ? Response.created(URI.create("/prices/" + sku)) : Response.ok())
                .entity(set.price()).build();
    }

    @GET
    @RolesAllowed({"sales", "sales-manager", "admin"})
    @Operation(operationId = "getPrice", summary = "A SKU's price in force today in the default price list and every "
            + "price set for it")
    public PriceView find(@PathParam("sku") String sku) {
        return prices.find(prices.defaultList(), sku)
                .orElseThrow(() -> ProblemException.notFound("price for SKU", sku));
    }
}
