package org.ordercycle.contact.condition;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Conditions", description = "Special conditions agreed with a customer for a period")
@Path("/parties/{id}/conditions")
public class ConditionResource {

    private final ConditionService conditions;

    ConditionResource(ConditionService conditions) {
        this.conditions = conditions;
    }

    @POST
    @RolesAllowed({"crm", "admin"})
    @Operation(operationId = "agreeSpecialCondition",
            summary = "Agree special conditions (discount, payment terms, credit limit, price list, particularities) for a period",
            description = "Publishes CustomerChanged when it is valid today; otherwise the scheduled check publishes it on the day it starts.")
    public Response agree(@PathParam("id") UUID id, @Valid @NotNull ConditionRequest request,
            @Context SecurityContext caller) {
        ConditionView condition = conditions.agree(id, request, caller.getUserPrincipal().getName());
        return Response.created(URI.create("/parties/" + id + "/conditions/" + condition.id())).entity(condition).build();
    }

    @GET
    @RolesAllowed({"crm", "sales", "sales-manager", "production", "billing", "returns", "service", "admin"})
    @Operation(operationId = "listSpecialConditions", summary = "Every special condition of the party, with whether it is valid today")
    public List<ConditionView> list(@PathParam("id") UUID id) {
        return conditions.conditions(id);
    }

    @PUT
    @Path("{conditionId}/end")
    @RolesAllowed({"crm", "admin"})
    @Operation(operationId = "endSpecialCondition", summary = "End a special condition on the given day (inclusive)")
    public ConditionView end(@PathParam("id") UUID id, @PathParam("conditionId") UUID conditionId,
            @Valid @NotNull EndConditionRequest request) {
        return conditions.end(id, conditionId, request.validTo());
    }
}
