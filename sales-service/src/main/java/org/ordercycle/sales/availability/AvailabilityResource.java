package org.ordercycle.sales.availability;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Availability", description = "What sales can promise and offer: stock, lead time, surplus capacity")
@Path("/availability")
public class AvailabilityResource {

    private final AvailabilityService availability;

    AvailabilityResource(AvailabilityService availability) {
        this.availability = availability;
    }

    @GET
    @RolesAllowed({"sales", "sales-manager", "admin"})
    @Operation(operationId = "listAvailability", summary = "Every product production announced: available to "
            + "promise, lead time, surplus capacity and excess stock")
    public List<AvailabilityView> all() {
        return availability.all();
    }

    @GET
    @Path("offers")
    @RolesAllowed({"sales", "sales-manager", "admin"})
    @Operation(operationId = "listAvailabilityOffers", summary = "Products sales may offer at a discount now: "
            + "excess stock for immediate delivery, surplus production capacity")
    public List<OfferView> offers() {
        return availability.offers();
    }
}
