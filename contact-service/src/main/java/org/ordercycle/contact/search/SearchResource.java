package org.ordercycle.contact.search;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Search", description = "Find organizations with their people, persons with their organizations")
@Path("/search")
public class SearchResource {

    private final SearchService search;

    SearchResource(SearchService search) {
        this.search = search;
    }

    @GET
    @Path("organizations")
    @RolesAllowed({"crm", "sales", "sales-manager", "production", "billing", "returns", "service", "admin"})
    @Operation(operationId = "searchOrganizations",
            summary = "Organizations by name (tolerant to case, accents and small typos), each with its people today, best first")
    public SearchPage<OrganizationHit> organizations(@QueryParam("name") @NotBlank @Size(max = 200) String name,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return search.organizations(name, page, size);
    }

    @GET
    @Path("persons")
    @RolesAllowed({"crm", "sales", "sales-manager", "production", "billing", "returns", "service", "admin"})
    @Operation(operationId = "searchPersons",
            summary = "Persons by name (tolerant to case, accents and small typos), each with the organizations they work for today, best first")
    public SearchPage<PersonHit> persons(@QueryParam("name") @NotBlank @Size(max = 200) String name,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return search.persons(name, page, size);
    }
}
