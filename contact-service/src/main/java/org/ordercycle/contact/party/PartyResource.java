package org.ordercycle.contact.party;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Parties", description = "What organizations and persons have in common: roles, tier, account owner, contact mechanisms")
@Path("/parties/{id}")
public class PartyResource {

    private final PartyService parties;

    PartyResource(PartyService parties) {
        this.parties = parties;
    }

    @GET
    @RolesAllowed({"crm", "sales", "sales-manager", "production", "billing", "returns", "service", "admin"})
    @Operation(operationId = "getParty", summary = "A party of either kind: roles, tier, classification, account owner")
    public PartySummary find(@PathParam("id") UUID id) {
        return parties.find(id);
    }

    @PUT
    @Path("roles")
    @RolesAllowed({"crm", "admin"})
    @Operation(operationId = "assignPartyRoles", summary = "Set the party's roles (customer, prospect, supplier, carrier, employee)",
            description = "A party that becomes a customer is published (CustomerRegistered the first time).")
    public PartySummary assignRoles(@PathParam("id") UUID id, @Valid @NotNull PartyRequests.RolesRequest request) {
        return parties.assignRoles(id, request);
    }

    @PUT
    @Path("tier")
    @RolesAllowed({"crm", "admin"})
    @Operation(operationId = "assignTier", summary = "Set the customer's tier (A, B, C)", description = "Publishes CustomerChanged for a customer.")
    public PartySummary assignTier(@PathParam("id") UUID id, @Valid @NotNull PartyRequests.TierRequest request) {
        return parties.assignTier(id, request);
    }

    @PUT
    @Path("account-owner")
    @RolesAllowed({"crm", "admin"})
    @Operation(operationId = "assignAccountOwner", summary = "Set the employee who owns the relationship and gets the call",
            description = "Publishes CustomerChanged for a customer.")
    public PartySummary assignAccountOwner(@PathParam("id") UUID id,
            @Valid @NotNull PartyRequests.AccountOwnerRequest request) {
        return parties.assignAccountOwner(id, request);
    }

    @GET
    @Path("contact-mechanisms")
    @RolesAllowed({"crm", "sales", "sales-manager", "production", "billing", "returns", "service", "admin"})
    @Operation(operationId = "listContactMechanisms", summary = "The party's postal addresses, e-mails and phones")
    public List<ContactMechanismView> mechanisms(@PathParam("id") UUID id) {
        return parties.mechanisms(id);
    }

    @POST
    @Path("contact-mechanisms")
    @RolesAllowed({"crm", "admin"})
    @Operation(operationId = "addContactMechanism", summary = "Add a postal address, e-mail or phone",
            description = "A billing one replaces the party's billing one of its kind and publishes CustomerChanged for a customer.")
    public Response addMechanism(@PathParam("id") UUID id, @Valid @NotNull ContactMechanismRequest request) {
        ContactMechanismView mechanism = parties.addMechanism(id, request);
        return Response.created(URI.create("/parties/" + id + "/contact-mechanisms/" + mechanism.id()))
                .entity(mechanism).build();
    }

    @DELETE
    @Path("contact-mechanisms/{mechanismId}")
    @RolesAllowed({"crm", "admin"})
    @Operation(operationId = "removeContactMechanism", summary = "Remove a contact mechanism")
    public Response removeMechanism(@PathParam("id") UUID id, @PathParam("mechanismId") UUID mechanismId) {
        parties.removeMechanism(id, mechanismId);
        return Response.noContent().build();
    }

    @PUT
    @Path("contact-mechanisms/{mechanismId}/preferred")
    @RolesAllowed({"crm", "admin"})
    @Operation(operationId = "preferContactMechanism", summary = "Make it the party's preferred channel (one per party)")
    public ContactMechanismView prefer(@PathParam("id") UUID id, @PathParam("mechanismId") UUID mechanismId) {
        return parties.prefer(id, mechanismId);
    }

    @PUT
    @Path("contact-mechanisms/{mechanismId}/billing")
    @RolesAllowed({"crm", "admin"})
    @Operation(operationId = "useContactMechanismForBilling", summary = "Make it the billing one of its kind",
            description = "Publishes CustomerChanged for a customer.")
    public ContactMechanismView useForBilling(@PathParam("id") UUID id, @PathParam("mechanismId") UUID mechanismId) {
        return parties.useForBilling(id, mechanismId);
    }
}
