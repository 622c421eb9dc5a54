package org.ordercycle.billing.refund;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ordercycle.kit.api.ProblemException;

@Tag(name = "Credit notes", description = "Credit notes for returns, one per invoice a return touches")
@Path("/credit-notes")
public class CreditNoteResource {

    private final RefundService refunds;

    CreditNoteResource(RefundService refunds) {
        this.refunds = refunds;
    }

    @GET
    @RolesAllowed({"billing", "admin", "sales", "returns"})
    @Operation(operationId = "listCreditNotes", summary = "A customer's credit notes, by number")
    public List<CreditNoteView> list(@Parameter(description = "the customer (required)", required = true) @QueryParam("customerId") String customerId) {
        return refunds.list(customerId);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"billing", "admin", "sales", "returns"})
    @Operation(operationId = "getCreditNote", summary = "A credit note with its lines and amounts")
    public CreditNoteView find(@PathParam("id") UUID id) {
        return refunds.find(id).orElseThrow(() -> ProblemException.notFound("credit note", id));
    }
}
