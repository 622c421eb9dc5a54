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

/** Every price list by its code (the code contact's conditions name as a customer's {@code priceList}). */
@Tag(name = "Prices", description = "Price lists: unit price, currency and tax rate per SKU, with their history")
@Path("/price-lists/{priceList}/prices/{sku}")
public class PriceListResource {

    static final String LIST = "[A-Za-z0-9._-]{1,32}";

    private final PriceService prices;

    PriceListResource(PriceService prices) {
        this.prices = prices;
    }

    @PUT
    @RolesAllowed({"sales-manager", "admin"})
    @Operation(operationId = "setListPrice", summary = "Set a SKU's price in a price list from a day on",
            description = "As PUT /prices/{sku}, for the named list. A customer whose conditions name the list is "
                    + "priced from it; a SKU the list lacks falls back to the default list.")
    public Response set(@PathParam("priceList") @Pattern(regexp = LIST,
                    message = "must be 1 to 32 letters, digits, dots, underscores or hyphens") String priceList,
            @PathParam("sku") @Pattern(regexp = PriceResource.SKU, message = PriceResource.SKU_MESSAGE) String sku,
            @Valid @NotNull PriceRequest request, @Context SecurityContext caller) {
        PriceService.Stored set = prices.set(priceList, sku, request, caller.getUserPrincipal().getName());
        return (set.first() ? Response.created(URI.create("/price-lists/" + priceList + "/prices/" + sku))
                : Response.ok()).entity(set.price()).build();
    }

    @GET
    @RolesAllowed({"sales", "sales-manager", "admin"})
    @Operation(operationId = "getListPrice", summary = "A SKU's price in force today in a price list and every "
            + "price set for it there")
    public PriceView find(@PathParam("priceList") String priceList, @PathParam("sku") String sku) {
        return prices.find(priceList, sku)
                .orElseThrow(() -> ProblemException.notFound("price in list " + priceList + " for SKU", sku));
    }
}
