package org.ordercycle.billing.invoice;

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

@Tag(name = "Invoices", description = "One invoice per shipment, at the prices sales agreed")
@Path("/invoices")
public class InvoiceResource {

    private final InvoiceService invoices;

    InvoiceResource(InvoiceService invoices) {
        this.invoices = invoices;
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"billing", "admin", "sales", "returns"})
    @Operation(operationId = "getInvoice", summary = "An invoice with its lines, totals per tax rate, paid and open")
    public InvoiceView find(@PathParam("id") UUID id) {
        return invoices.find(id).orElseThrow(() -> ProblemException.notFound("invoice", id));
    }

    @GET
    @RolesAllowed({"billing", "admin", "sales", "returns"})
    @Operation(operationId = "listInvoices", summary = "A customer's invoices, by number; only the open or paid ones on request")
    public List<InvoiceView> list(
            @Parameter(description = "the customer (required)", required = true) @QueryParam("customerId") String customerId,
            @Parameter(description = "open or paid; all when absent") @QueryParam("status") String status) {
        return invoices.list(customerId, status);
    }
}
