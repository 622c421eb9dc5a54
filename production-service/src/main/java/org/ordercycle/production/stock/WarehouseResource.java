package org.ordercycle.production.stock;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Warehouses", description = "Where goods are kept")
@Path("/warehouses")
public class WarehouseResource {

    static final String CODE = "[A-Z0-9_-]{1,32}";

    private final Warehouses warehouses;

    WarehouseResource(Warehouses warehouses) {
        this.warehouses = warehouses;
    }

    @PUT
    @Path("{code}")
    @RolesAllowed({"production", "admin"})
    @Operation(operationId = "saveWarehouse", summary = "Open a warehouse (201) or rename it (200)")
    public Response save(@PathParam("code") @Pattern(regexp = CODE,
            message = "must be 1 to 32 capital letters, digits, underscores or hyphens") String code,
            @Valid @NotNull WarehouseRequest request) {
        Warehouses.Saved saved = warehouses.save(code, request);
        return saved.created()
                ? Response.created(URI.create("/warehouses/" + code)).entity(saved.warehouse()).build()
                : Response.ok(saved.warehouse()).build();
    }

    @GET
    @RolesAllowed({"production", "admin", "sales", "sales-manager", "billing", "returns"})
    @Operation(operationId = "listWarehouses", summary = "Every warehouse")
    public List<WarehouseView> all() {
        return warehouses.all();
    }
}
