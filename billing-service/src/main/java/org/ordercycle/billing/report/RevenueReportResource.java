package org.ordercycle.billing.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Reports", description = "Invoiced, credited and paid per customer and month, internal and external apart")
@Path("/reports/revenue")
public class RevenueReportResource {

    private final RevenueReports reports;

    RevenueReportResource(RevenueReports reports) {
        this.reports = reports;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({"billing", "admin", "sales"})
    @Operation(operationId = "getRevenueReport", summary = "Revenue per customer and month (JSON, or CSV with Accept: text/csv)")
    public Object revenue(
            @Parameter(description = "first day, YYYY-MM-DD (required)", required = true) @QueryParam("from") String from,
            @Parameter(description = "last day, YYYY-MM-DD (required)", required = true) @QueryParam("to") String to,
            @Parameter(description = "one customer only") @QueryParam("customerId") String customerId,
            @jakarta.ws.rs.core.Context jakarta.ws.rs.core.HttpHeaders headers) {
        RevenueReport report = reports.revenue(from, to, customerId);
        boolean csv = headers.getAcceptableMediaTypes().stream()
                .anyMatch(type -> "text".equals(type.getType()) && "csv".equals(type.getSubtype()));
        if (csv) {
            return jakarta.ws.rs.core.Response.ok(report.csv(), "text/csv").build();
        }
        return jakarta.ws.rs.core.Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
