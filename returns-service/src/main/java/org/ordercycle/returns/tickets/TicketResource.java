package org.ordercycle.returns.tickets;

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

@Tag(name = "Service tickets", description = "Post-sales service: installation, repair, maintenance, training, complaints")
@Path("/tickets")
public class TicketResource {

    private final TicketService tickets;
    private final IdempotentCreates idempotent;

    TicketResource(TicketService tickets, IdempotentCreates idempotent) {
        this.tickets = tickets;
        this.idempotent = idempotent;
    }

    @POST
    @RolesAllowed({"service", "admin"})
    @Operation(operationId = "openTicket", summary = "Open a service ticket for an order or a customer",
            description = "SLA due from the type and priority; the customer's account owner (contact) and the "
                    + "order's salesperson are linked. Publishes ServiceTicketOpened. 422 for an unknown order or "
                    + "customer.")
    public Response open(@Valid @NotNull TicketRequest request,
            @Parameter(description = "Send the same key again to retry safely: the ticket is opened once.")
            @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey,
            @Context SecurityContext caller) {
        return idempotent.create(idempotencyKey, "POST /tickets", request, () -> {
            TicketView opened = tickets.open(request, caller.getUserPrincipal().getName());
            return new IdempotentCreates.Created(URI.create("/tickets/" + opened.id()), opened);
        });
    }

    @GET
    @RolesAllowed({"service", "admin", "sales", "crm"})
    @Operation(operationId = "listTickets", summary = "A customer's tickets, or those an account owner or salesperson follows",
            description = "customerId, or person (user name: account owner or salesperson), or both.")
    public List<TicketView> list(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("customerId") String customerId, @QueryParam("person") String person) {
        if ((customerId == null || customerId.isBlank()) && (person == null || person.isBlank())) {
            throw ProblemException.badRequest("customerId", "name a customerId or a person");
        }
        return tickets.list(customerId == null || customerId.isBlank() ? null
                : QueryParams.requiredUuid("customerId", customerId), person == null || person.isBlank() ? null : person);
    }

    @GET
    @Path("overdue")
    @RolesAllowed({"service", "admin", "sales", "crm"})
    @Operation(operationId = "listOverdueTickets", summary = "Tickets past their SLA and not closed, most overdue first")
    public List<TicketView> overdue() {
        return tickets.overdue();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"service", "admin", "sales", "crm"})
    @Operation(operationId = "getTicket", summary = "A ticket with its SLA, playbook steps, visits and debrief")
    public TicketView find(@PathParam("id") UUID id) {
        return tickets.find(id).orElseThrow(() -> ProblemException.notFound("ticket", id));
    }

    @POST
    @Path("{id}/assignment")
    @RolesAllowed({"service", "admin"})
    @Operation(operationId = "assignTicket", summary = "Give the ticket to a technician trained and current for its type",
            description = "422 when the technician holds no training for the type valid today.")
    public TicketView assign(@PathParam("id") UUID id, @Valid @NotNull TicketCommands.Assign request) {
        return tickets.assign(id, request);
    }

    @POST
    @Path("{id}/visits")
    @RolesAllowed({"service", "admin"})
    @Operation(operationId = "recordVisit", summary = "Record an on-site visit: technician, date, duration")
    public TicketView recordVisit(@PathParam("id") UUID id, @Valid @NotNull TicketCommands.Visit request,
            @Context SecurityContext caller) {
        return tickets.recordVisit(id, request, caller.getUserPrincipal().getName());
    }

    @POST
    @Path("{id}/steps")
    @RolesAllowed({"service", "admin"})
    @Operation(operationId = "recordPlaybookStep", summary = "Record a playbook step as FOLLOWED or DEPARTED (with a note)")
    public TicketView recordStep(@PathParam("id") UUID id, @Valid @NotNull TicketCommands.StepRecord request,
            @Context SecurityContext caller) {
        return tickets.recordStep(id, request, caller.getUserPrincipal().getName());
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed({"service", "admin"})
    @Operation(operationId = "closeTicket", summary = "Close the ticket with its resolution and the debrief",
            description = "Publishes ServiceTicketClosed and ServiceDebriefRecorded (the learnings, by the caller).")
    public TicketView close(@PathParam("id") UUID id, @Valid @NotNull TicketCommands.Close request,
            @Context SecurityContext caller) {
        return tickets.close(id, request, caller.getUserPrincipal().getName());
    }
}
