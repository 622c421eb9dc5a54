package org.ordercycle.sales.quote;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

@Tag(name = "Quotes", description = "Quotes with the clarification of what the customer wants, before an order")
@Path("/quotes")
public class QuoteResource {

    private final QuoteService quotes;
    private final IdempotentCreates idempotent;

    QuoteResource(QuoteService quotes, IdempotentCreates idempotent) {
        this.quotes = quotes;
        this.idempotent = idempotent;
    }

    @POST
    @RolesAllowed({"sales", "sales-manager", "admin"})
    @Operation(operationId = "issueQuote", summary = "Price and issue a quote, with a proposed delivery date",
            description = "Priced like an order (each line says how), proposed date from availability and lead time "
                    + "(the capability check), valid for sales.quotes.valid-days; publishes QuoteIssued. The "
                    + "clarification may come with it or later.")
    public Response issue(@Valid @NotNull QuoteRequest request,
            @Parameter(description = "Send the same key again to retry safely: the quote is issued once.")
            @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey, @Context SecurityContext caller) {
        return idempotent.create(idempotencyKey, "POST /quotes", request, () -> {
            QuoteView quote = quotes.issue(request, caller.getUserPrincipal().getName());
            return new IdempotentCreates.Created(URI.create("/quotes/" + quote.id()), quote);
        });
    }

    @GET
    @RolesAllowed({"sales", "sales-manager", "admin"})
    @Operation(operationId = "listQuotes", summary = "Quotes in a status (ISSUED: open), the caller's own or "
            + "everyone's with all=true, newest first")
    public List<QuoteView> list(@QueryParam("status") String status, @QueryParam("all") boolean all,
            @Context SecurityContext caller) {
        QuoteStatus state;
        try {
            state = status == null || status.isBlank() ? QuoteStatus.ISSUED : QuoteStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("status", "must be one of " + List.of(QuoteStatus.values()));
        }
        return quotes.list(all ? null : caller.getUserPrincipal().getName(), state);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"sales", "sales-manager", "returns", "crm", "admin"})
    @Operation(operationId = "getQuote", summary = "A quote with its priced lines, proposed date and clarification")
    public QuoteView find(@PathParam("id") UUID id) {
        return quotes.find(id).orElseThrow(() -> ProblemException.notFound("quote", id));
    }

    @PUT
    @Path("{id}/clarification")
    @RolesAllowed({"sales", "sales-manager", "admin"})
    @Operation(operationId = "clarifyQuote", summary = "Record what was clarified with the customer",
            description = "Fields given replace those held, absent ones stay; takes back an earlier confirmation. "
                    + "409 unless the quote is issued.")
    public QuoteView clarify(@PathParam("id") UUID id, @Valid @NotNull ClarificationRequest request) {
        return quotes.clarify(id, request);
    }

    @POST
    @Path("{id}/clarification/confirm")
    @RolesAllowed({"sales", "sales-manager", "admin"})
    @Operation(operationId = "confirmQuoteClarification", summary = "The customer confirmed the clarification",
            description = "422 naming every field a complete clarification still lacks (objective, the four "
                    + "requirements, acceptance criteria, support expectations).")
    public QuoteView confirm(@PathParam("id") UUID id, @Context SecurityContext caller) {
        return quotes.confirmClarification(id, caller.getUserPrincipal().getName());
    }

    @POST
    @Path("{id}/accept")
    @RolesAllowed({"sales", "sales-manager", "admin"})
    @Operation(operationId = "acceptQuote", summary = "The customer accepted: the quote becomes an order",
            description = "The order is placed at the quoted prices with the quote's clarification (credit check "
                    + "and selection policy as for any order); publishes QuoteAccepted. 422 while the clarification "
                    + "is incomplete or unconfirmed, 409 when the quote is no longer issued or has expired.")
    public QuoteView accept(@PathParam("id") UUID id) {
        return quotes.accept(id);
    }

    @POST
    @Path("{id}/decline")
    @RolesAllowed({"sales", "sales-manager", "admin"})
    @Operation(operationId = "declineQuote", summary = "The customer declined the quote, with the reason given",
            description = "Publishes QuoteDeclined. 409 unless the quote is issued.")
    public QuoteView decline(@PathParam("id") UUID id, @Valid DeclineQuoteRequest request) {
        return quotes.decline(id, request);
    }
}
