package org.ordercycle.billing.invoice;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.ordercycle.billing.document.InvoiceDocuments;
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
    private final InvoiceDocuments documents;

    InvoiceResource(InvoiceService invoices, InvoiceDocuments documents) {
        this.invoices = invoices;
        this.documents = documents;
    }

    @GET
    @Path("{id}")
    @Produces({MediaType.APPLICATION_JSON, "application/pdf", MediaType.APPLICATION_XML})
    @RolesAllowed({"billing", "admin", "sales", "returns"})
    @Operation(operationId = "getInvoice", summary = "An invoice as JSON (lines, totals per tax rate, paid and open), "
            + "as Factur-X/ZUGFeRD PDF (Accept: application/pdf), as UBL XRechnung (Accept: application/xml) or as "
            + "CII XRechnung (?format=cii)")
    public Response find(@PathParam("id") UUID id,
            @Parameter(description = "cii (CII XML), ubl (UBL XML), pdf or json; otherwise the Accept header decides")
            @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        InvoiceDocuments.Kind kind = kindOf(format, headers);
        if (kind == null) {
            return Response.ok(invoices.find(id).orElseThrow(() -> ProblemException.notFound("invoice", id)),
                    MediaType.APPLICATION_JSON_TYPE).build();
        }
        InvoiceDocuments.Rendered rendered = documents.render(id, kind);
        return Response.ok(rendered.content(), rendered.mediaType())
                .header("Content-Disposition", "inline; filename=\"" + rendered.fileName() + "\"").build();
    }

    /** The document asked for; null for JSON. */
    private static InvoiceDocuments.Kind kindOf(String format, HttpHeaders headers) {
        if (format != null) {
            return switch (format.toLowerCase()) {
                case "json" -> null;
                case "pdf" -> InvoiceDocuments.Kind.PDF;
                case "ubl", "xrechnung" -> InvoiceDocuments.Kind.UBL;
                case "cii" -> InvoiceDocuments.Kind.CII;
                default -> throw ProblemException.badRequest("format", "must be json, pdf, ubl or cii");
            };
        }
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !accepted.isWildcardType()) {
                return null;
            }
            if (accepted.getType().equals("application") && accepted.getSubtype().equals("pdf")) {
                return InvoiceDocuments.Kind.PDF;
            }
            if (accepted.getType().equals("application") && accepted.getSubtype().equals("xml")) {
                return InvoiceDocuments.Kind.UBL;
            }
        }
        return null;
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
