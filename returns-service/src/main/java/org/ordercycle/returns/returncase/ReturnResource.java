package org.ordercycle.returns.returncase;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ordercycle.kit.api.IdempotentCreates;
import org.ordercycle.kit.api.ProblemException;
import org.ordercycle.kit.api.QueryParams;

@Tag(name = "Returns", description = "Return cases (RMA): authorized, received, refunded")
@Path("/returns")
public class ReturnResource {

    private final ReturnService returns;
    private final IdempotentCreates idempotent;

    ReturnResource(ReturnService returns, IdempotentCreates idempotent) {
        this.returns = returns;
        this.idempotent = idempotent;
    }

    @POST
    @RolesAllowed({"returns", "admin"})
    @Operation(operationId = "requestReturn", summary = "Request the return of shipped goods of an order",
            description = "Publishes ReturnRequested and, authorized automatically for now, ReturnAuthorized. Only "
                    + "what was shipped and not yet returned can come back: 422 naming each line at fault, and 422 "
                    + "while returns does not know the order's acceptance or shipments yet.")
    public Response request(@Valid @NotNull ReturnRequest request,
            @Parameter(description = "Send the same key again to retry safely: the return is requested once.")
            @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey,
            @Context SecurityContext caller) {
        return idempotent.create(idempotencyKey, "POST /returns", request, () -> {
            ReturnView created = returns.request(request, caller.getUserPrincipal().getName());
            return new IdempotentCreates.Created(URI.create("/returns/" + created.id()), created);
        });
    }

    @POST
    @Path("{id}/receipt")
    @RolesAllowed({"returns", "admin"})
    @Operation(operationId = "receiveReturn", summary = "Record the returned goods and their condition",
            description = "Every authorized line is named once with its condition. Publishes ReturnReceived and "
                    + "RefundRequested (gross of the returned quantities at the agreed prices). 409 unless AUTHORIZED.")
    public ReturnView receive(@PathParam("id") UUID id, @Valid @NotNull ReceiptRequest request,
            @Context SecurityContext caller) {
        return returns.receive(id, request, caller.getUserPrincipal().getName());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"returns", "admin", "sales", "billing", "service", "crm"})
    @Operation(operationId = "getReturn", summary = "A return case with its lines, agreed prices, refund and steps")
    public ReturnView find(@PathParam("id") UUID id) {
        return returns.find(id).orElseThrow(() -> ProblemException.notFound("return", id));
    }

    @GET
    @RolesAllowed({"returns", "admin", "sales", "billing", "service", "crm"})
    @Operation(operationId = "listReturns", summary = "The return cases of an order, oldest first")
    public List<ReturnView> list(@Parameter(description = "the order whose returns to list", required = true,
            schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("orderId") String orderId) {
        return returns.ofOrder(QueryParams.requiredUuid("orderId", orderId));
    }
}
