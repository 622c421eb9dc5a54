package org.ordercycle.billing.payment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ordercycle.kit.api.IdempotentCreates;
import org.ordercycle.kit.api.ProblemException;

@Tag(name = "Payments", description = "Customers' payments and how billing applied them")
@Path("/payments")
public class PaymentResource {

    private final PaymentService payments;
    private final IdempotentCreates idempotent;

    PaymentResource(PaymentService payments, IdempotentCreates idempotent) {
        this.payments = payments;
        this.idempotent = idempotent;
    }

    @POST
    @RolesAllowed({"billing", "admin"})
    @Operation(operationId = "recordPayment", summary = "Record a customer's payment and apply it to its invoices",
            description = "The allocations given first, the rest to the oldest open invoices (due date, then number); "
                    + "what is left over is the customer's credit. Publishes PaymentReceived. 422 for an unknown "
                    + "invoice, another customer's invoice, more than an invoice's open amount, allocations above "
                    + "the payment or another currency than the customer's.")
    public Response record(@Valid @NotNull PaymentRequest request,
            @Parameter(description = "Send the same key again to retry safely: the payment is recorded once.")
            @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey,
            @Context SecurityContext caller) {
        return idempotent.create(idempotencyKey, "POST /payments", request, () -> {
            PaymentView payment = payments.record(request, caller.getUserPrincipal().getName());
            return new IdempotentCreates.Created(URI.create("/payments/" + payment.id()), payment);
        });
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"billing", "admin", "sales", "returns"})
    @Operation(operationId = "getPayment", summary = "A payment with its allocations and the credit it left")
    public PaymentView find(@PathParam("id") UUID id) {
        return payments.find(id).orElseThrow(() -> ProblemException.notFound("payment", id));
    }
}
