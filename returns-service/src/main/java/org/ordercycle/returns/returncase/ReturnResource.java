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
import java.time.Clock;
import java.time.LocalDate;
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
import org.ordercycle.returns.QueryDates;

@Tag(name = "Returns", description = "Return cases (RMA) and claims: authorized, picked up, inspected, refunded")
@Path("/returns")
public class ReturnResource {

    private final ReturnService returns;
    private final IdempotentCreates idempotent;
    private final Clock clock;

    ReturnResource(ReturnService returns, IdempotentCreates idempotent, Clock clock) {
        this.returns = returns;
        this.idempotent = idempotent;
        this.clock = clock;
    }

    @POST
    @RolesAllowed({"returns", "admin"})
    @Operation(operationId = "requestReturn", summary = "Request the return of shipped goods of an order",
            description = "Publishes ReturnRequested and, within the reason's window and up to the automatic value, "
                    + "ReturnAuthorized; otherwise the case waits (REQUESTED, pendingBecause says why) for a person. "
                    + "Only what was shipped and not yet returned can come back: 422 naming each line at fault, and "
                    + "422 while returns does not know the order's acceptance or shipments yet.")
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
    @Path("{id}/authorize")
    @RolesAllowed({"returns", "admin"})
    @Operation(operationId = "authorizeReturn", summary = "Authorize a case that waits for a person",
            description = "Publishes ReturnAuthorized with the caller as by; an authorized claim asks billing for its "
                    + "amount at once (RefundRequested without lines). 409 unless REQUESTED.")
    public ReturnView authorize(@PathParam("id") UUID id, @Context SecurityContext caller) {
        return returns.authorize(id, caller.getUserPrincipal().getName());
    }

    @POST
    @Path("{id}/reject")
    @RolesAllowed({"returns", "admin"})
    @Operation(operationId = "rejectReturn", summary = "Reject a case that waits for a person, saying why",
            description = "Publishes ReturnRejected with the reason; the lines no longer count as returned. 409 unless "
                    + "REQUESTED.")
    public ReturnView reject(@PathParam("id") UUID id, @Valid @NotNull RejectionRequest request,
            @Context SecurityContext caller) {
        return returns.reject(id, request, caller.getUserPrincipal().getName());
    }

    @POST
    @Path("{id}/pickup")
    @RolesAllowed({"returns", "admin"})
    @Operation(operationId = "schedulePickup", summary = "Have a carrier collect the goods of an authorized return",
            description = "Carrier, date (today or later), address (the customer's billing address when absent) and "
                    + "tracking number. Publishes PickupScheduled. 409 unless AUTHORIZED or for a claim.")
    public ReturnView schedulePickup(@PathParam("id") UUID id, @Valid @NotNull PickupRequest request,
            @Context SecurityContext caller) {
        return returns.schedulePickup(id, request, caller.getUserPrincipal().getName());
    }

    @POST
    @Path("{id}/pickup/collection")
    @RolesAllowed({"returns", "admin"})
    @Operation(operationId = "recordPickupCollection", summary = "Record that the carrier collected the goods",
            description = "The case becomes IN_TRANSIT until the goods are received. 409 unless PICKUP_SCHEDULED.")
    public ReturnView recordCollection(@PathParam("id") UUID id) {
        return returns.recordCollection(id);
    }

    @POST
    @Path("{id}/receipt")
    @RolesAllowed({"returns", "admin"})
    @Operation(operationId = "receiveReturn", summary = "Record the returned goods and their condition",
            description = "Every authorized line is named once with its condition; resolution FULL_REFUND (default), "
                    + "PARTIAL_REFUND (refundAmount below the gross, refundReason), NO_REFUND (refundReason) or "
                    + "REPLACEMENT. Publishes ReturnReceived and RefundRequested (full: gross of the returned "
                    + "quantities at the agreed prices), or ReturnClosed (no refund), or ReplacementRequested and "
                    + "ReturnClosed. 409 unless AUTHORIZED, PICKUP_SCHEDULED or IN_TRANSIT.")
    public ReturnView receive(@PathParam("id") UUID id, @Valid @NotNull ReceiptRequest request,
            @Context SecurityContext caller) {
        return returns.receive(id, request, caller.getUserPrincipal().getName());
    }

    @GET
    @Path("awaiting-decision")
    @RolesAllowed({"returns", "admin"})
    @Operation(operationId = "listReturnsAwaitingDecision", summary = "Cases that wait for a person, oldest first")
    public List<ReturnView> awaitingDecision() {
        return returns.awaitingDecision();
    }

    @GET
    @Path("refund-lead-times")
    @RolesAllowed({"returns", "admin", "billing"})
    @Operation(operationId = "reportRefundLeadTimes", summary = "Time from refund request to RefundPaid per case, p50 and p90",
            description = "Cases whose refund was requested on or after since (ISO date; default 90 days ago).")
    public RefundLeadTimes refundLeadTimes(@Parameter(description = "first day of refund requests to include",
            schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("since") String since) {
        return returns.refundLeadTimes(QueryDates.dateOr("since", since, LocalDate.now(clock).minusDays(90)));
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
