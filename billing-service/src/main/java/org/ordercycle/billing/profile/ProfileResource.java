package org.ordercycle.billing.profile;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Billing profiles", description = "How each customer wants to be billed: trigger, format, channel, terms")
@Path("/customers/{id}/billing-profile")
public class ProfileResource {

    private final ProfileService profiles;

    ProfileResource(ProfileService profiles) {
        this.profiles = profiles;
    }

    @GET
    @RolesAllowed({"billing", "admin", "sales"})
    @Operation(operationId = "getBillingProfile", summary = "The customer's billing profile, or the defaults it is billed by")
    public ProfileView find(@PathParam("id") UUID customerId) {
        return profiles.find(customerId);
    }

    @PUT
    @RolesAllowed({"billing", "admin"})
    @Operation(operationId = "setBillingProfile", summary = "Set how the customer is billed; shipments still to be invoiced follow it")
    public ProfileView agree(@PathParam("id") UUID customerId, @Valid @NotNull ProfileRequest request,
            @Context SecurityContext caller) {
        return profiles.agree(customerId, request, caller.getUserPrincipal().getName());
    }
}
