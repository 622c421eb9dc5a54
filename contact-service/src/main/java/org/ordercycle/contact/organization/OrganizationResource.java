package org.ordercycle.contact.organization;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.ordercycle.kit.api.IdempotentCreates;
import org.ordercycle.kit.api.ProblemException;

@Tag(name = "Organizations", description = "Companies the company deals with")
@Path("/organizations")
public class OrganizationResource {

    private final OrganizationService organizations;
    private final IdempotentCreates idempotent;

    OrganizationResource(OrganizationService organizations, IdempotentCreates idempotent) {
        this.organizations = organizations;
        this.idempotent = idempotent;
    }

    @POST
    @RolesAllowed({"crm", "sales", "admin"})
    @Operation(operationId = "registerOrganization", summary = "Register a company (a customer unless other roles are given)",
            description = "Publishes CustomerRegistered for a customer. 409 with the existing party (Location) for a duplicate: same normalized name and postal code, or (when configured) same VAT id.")
    public Response register(@Valid @NotNull OrganizationRequest request,
            @Parameter(description = "Send the same key again to retry safely: the organization is registered once.")
            @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey,
            @Context SecurityContext caller) {
        return idempotent.create(idempotencyKey, "POST /organizations", request, () -> {
            OrganizationView organization = organizations.register(request, caller.getUserPrincipal().getName());
            return new IdempotentCreates.Created(URI.create("/organizations/" + organization.id()), organization);
        });
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"crm", "sales", "sales-manager", "production", "billing", "returns", "service", "admin"})
    @Operation(operationId = "getOrganization", summary = "An organization with its address, tier, account owner and conditions")
    public OrganizationView find(@PathParam("id") UUID id) {
        return organizations.find(id).orElseThrow(() -> ProblemException.notFound("organization", id));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({"crm", "admin"})
    @Operation(operationId = "correctOrganization", summary = "Correct the organization's name and VAT id",
            description = "Publishes CustomerChanged for a customer.")
    public OrganizationView correct(@PathParam("id") UUID id, @Valid @NotNull OrganizationDetailsRequest request) {
        return organizations.correct(id, request);
    }

    @PUT
    @Path("{id}/group")
    @RolesAllowed({"crm", "admin"})
    @Operation(operationId = "placeOrganizationInGroup",
            summary = "Set the organization's parent and whether it is a company of the own group",
            description = "Classifies it, everything below it and everybody employed there again; publishes "
                    + "CustomerChanged for every customer whose classification changed. 422 for an unknown parent or "
                    + "a parent below the organization.")
    public OrganizationView placeInGroup(@PathParam("id") UUID id, @Valid @NotNull GroupRequest request) {
        return organizations.placeInGroup(id, request);
    }
}
