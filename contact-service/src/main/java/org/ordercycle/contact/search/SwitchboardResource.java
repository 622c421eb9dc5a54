package org.ordercycle.contact.search;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Switchboard", description = "Who is calling, and whom to put the call through to")
@Path("/switchboard")
public class SwitchboardResource {

    private final SearchService search;

    SwitchboardResource(SearchService search) {
        this.search = search;
    }

    @GET
    @RolesAllowed({"crm", "sales", "sales-manager", "production", "billing", "returns", "service", "admin"})
    @Operation(operationId = "identifyCaller",
            summary = "Who is calling from this number (person, organizations) and whom to put the call through to")
    public SwitchboardView switchboard(@QueryParam("phone") @NotBlank @Size(max = 40) String phone) {
        return search.switchboard(phone);
    }
}
