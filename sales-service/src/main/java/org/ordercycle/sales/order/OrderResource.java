package org.ordercycle.sales.order;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ordercycle.kit.api.IdempotentCreates;
import org.ordercycle.kit.api.ProblemException;
import org.ordercycle.sales.watchdog.StalledOrderView;
import org.ordercycle.sales.watchdog.Watchdog;

@Tag(name = "Orders", description = "Customer orders from placement to refund")
@Path("/orders")
public class OrderResource {

    private static final String MANAGER = "sales-manager";

    private final OrderService orders;
    private final Watchdog watchdog;
    private final IdempotentCreates idempotent;

    OrderResource(OrderService orders, Watchdog watchdog, IdempotentCreates idempotent) {
        this.orders = orders;
        this.watchdog = watchdog;
        this.idempotent = idempotent;
    }

    @POST
    @RolesAllowed({"sales", "sales-manager", "admin"})
    @Operation(operationId = "placeOrder", summary = "Place and price an order; the credit check and the selection "
            + "policy decide what happens next",
            description = "Prices every line (price list of the customer, special condition, internal rules, tax "
                    + "determination; each line says how), publishes OrderPlaced, then: OrderOnHold when the "
                    + "customer's credit limit would be exceeded; else the selection policy scores the order and "
                    + "accepts it (OrderAccepted, priority = score, promised date) or queues it for a sales manager "
                    + "(status AWAITING_DECISION). A customer contact has not registered (or has erased) is a 422, "
                    + "and so is any line without a price in force or priced in another currency than the "
                    + "customer's (all such lines are named).")
    public Response place(@Valid @NotNull OrderRequest request,
            @Parameter(description = "Send the same key again to retry safely: the order is placed once.")
            @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey,
            @Context SecurityContext caller) {
        return idempotent.create(idempotencyKey, "POST /orders", request, () -> {
            OrderView order = orders.place(request, caller.getUserPrincipal().getName());
            return new IdempotentCreates.Created(URI.create("/orders/" + order.id()), order);
        });
    }

    @GET
    @RolesAllowed({"sales", "sales-manager", "admin"})
    @Operation(operationId = "listOrders", summary = "Orders by customer, status, salesperson and placement date, "
            + "newest first, a page at a time")
    public OrderPage list(@QueryParam("customerId") String customerId, @QueryParam("status") String status,
            @QueryParam("salesperson") String salesperson,
            @Parameter(description = "placed on or after this day (UTC)") @QueryParam("from") String from,
            @Parameter(description = "placed on or before this day (UTC)") @QueryParam("to") String to,
            @Parameter(description = "from 0") @QueryParam("page") Integer page,
            @Parameter(description = "1 to 100, 20 when absent") @QueryParam("size") Integer size) {
        return orders.list(OrderQuery.of(customerId, status, salesperson, from, to, page, size));
    }

    @GET
    @Path("decisions")
    @RolesAllowed({"sales", "sales-manager", "admin"})
    @Operation(operationId = "listOrderDecisionQueue", summary = "The manager queue: orders the selection policy left "
            + "to a sales manager and orders on hold, oldest first")
    public List<OrderView> queue() {
        return orders.queue();
    }

    @GET
    @Path("stalled")
    @RolesAllowed({"sales", "sales-manager", "admin"})
    @Operation(operationId = "listStalledOrders", summary = "Orders that have sat in their status longer than its "
            + "limit, with who should act")
    public List<StalledOrderView> stalled() {
        return watchdog.stalled();
    }

    @GET
    @Path("at-risk")
    @RolesAllowed({"sales", "sales-manager", "admin"})
    @Operation(operationId = "listOrdersAtRisk", summary = "Orders production plans to finish after their promised "
            + "date: the caller's own, or everyone's with all=true")
    public List<OrderView> atRisk(@QueryParam("all") boolean all, @Context SecurityContext caller) {
        return orders.atRisk(all ? null : caller.getUserPrincipal().getName());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"sales", "sales-manager", "production", "billing", "returns", "service", "crm", "admin"})
    @Operation(operationId = "getOrder", summary = "An order with its priced lines (and how each price was derived), "
            + "totals, margin, decision, promised date, expedites and status")
    public OrderView find(@PathParam("id") UUID id) {
        return orders.find(id).orElseThrow(() -> ProblemException.notFound("order", id));
    }

    @POST
    @Path("{id}/release")
    @RolesAllowed(MANAGER)
    @Operation(operationId = "releaseOrder", summary = "Release an order from hold; the selection policy decides next",
            description = "Publishes OrderReleased, then the order is accepted or queued as the policy says. 409 "
                    + "when the order is not on hold.")
    public OrderView release(@PathParam("id") UUID id, @Valid ReleaseRequest request,
            @Context SecurityContext caller) {
        return orders.release(id, request, caller.getUserPrincipal().getName());
    }

    @POST
    @Path("{id}/accept")
    @RolesAllowed(MANAGER)
    @Operation(operationId = "acceptOrder", summary = "Accept a queued order, with a reason",
            description = "Publishes OrderAccepted (automatic false, decidedBy the manager). 409 unless the order "
                    + "waits in the queue (an order on hold is released first).")
    public OrderView accept(@PathParam("id") UUID id, @Valid @NotNull DecisionRequest request,
            @Context SecurityContext caller) {
        return orders.acceptQueued(id, request, caller.getUserPrincipal().getName());
    }

    @POST
    @Path("{id}/decline")
    @RolesAllowed(MANAGER)
    @Operation(operationId = "declineOrder", summary = "Decline a queued or held order, with a reason",
            description = "Publishes OrderDeclined. 409 unless the order waits in the queue or on hold.")
    public OrderView decline(@PathParam("id") UUID id, @Valid @NotNull DecisionRequest request,
            @Context SecurityContext caller) {
        return orders.decline(id, request, caller.getUserPrincipal().getName());
    }

    @GET
    @Path("{id}/decisions")
    @RolesAllowed({"sales", "sales-manager", "admin"})
    @Operation(operationId = "getOrderDecisions", summary = "The audit trail of an order's acceptance: holds, "
            + "releases, queueing, acceptance or decline, who and why")
    public List<DecisionView> decisions(@PathParam("id") UUID id) {
        return orders.decisions(id).orElseThrow(() -> ProblemException.notFound("order", id));
    }

    @POST
    @Path("{id}/amend")
    @RolesAllowed({"sales", "sales-manager", "admin"})
    @Operation(operationId = "amendOrder", summary = "Change quantities or the requested date of an accepted order "
            + "that has not shipped completely",
            description = "Publishes OrderAmended (all agreed lines). The policy checks the amended order again: "
                    + "below its threshold only a sales manager may amend (422 otherwise). 409 for an order not "
                    + "accepted, cancelled or completely shipped; 422 naming a line that does not exist or would "
                    + "drop below what has shipped.")
    public OrderView amend(@PathParam("id") UUID id, @Valid @NotNull AmendRequest request,
            @Context SecurityContext caller) {
        return orders.amend(id, request, caller.getUserPrincipal().getName(), caller.isUserInRole(MANAGER));
    }

    @POST
    @Path("{id}/expedite")
    @RolesAllowed({"sales", "sales-manager", "admin"})
    @Operation(operationId = "expediteOrder", summary = "Ask production to finish an accepted order by a wanted date",
            description = "Publishes ExpediteRequested; production's ExpediteAnswered shows in the order's "
                    + "expedites. 409 for an order not accepted or already shipped.")
    public OrderView expedite(@PathParam("id") UUID id, @Valid @NotNull ExpediteRequest request,
            @Context SecurityContext caller) {
        return orders.expedite(id, request, caller.getUserPrincipal().getName());
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed({"sales", "sales-manager", "admin"})
    @Operation(operationId = "cancelOrder", summary = "Cancel an order that has not shipped",
            description = "Publishes OrderCancelled. 409 once sales has seen a shipment of the order, or when it "
                    + "is cancelled already.")
    public OrderView cancel(@PathParam("id") UUID id, @Valid CancelRequest request, @Context SecurityContext caller) {
        return orders.cancel(id, request, caller.getUserPrincipal().getName());
    }

    @GET
    @Path("{id}/timeline")
    @RolesAllowed({"sales", "sales-manager", "production", "billing", "returns", "service", "crm", "admin"})
    @Operation(operationId = "getOrderTimeline", summary = "Every step of the order through the departments, "
            + "oldest first, with time, department and who acted")
    public List<TimelineStep> timeline(@PathParam("id") UUID id) {
        return orders.timeline(id).orElseThrow(() -> ProblemException.notFound("order", id));
    }
}
