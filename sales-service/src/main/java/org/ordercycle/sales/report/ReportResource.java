package org.ordercycle.sales.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ordercycle.kit.api.ProblemException;

@Tag(name = "Reports", description = "Revenue and margin of accepted orders")
@Path("/reports/revenue")
public class ReportResource {

    private final RevenueReport report;

    ReportResource(RevenueReport report) {
        this.report = report;
    }

    @GET
    @RolesAllowed({"sales-manager", "admin"})
    @Operation(operationId = "getRevenueReport", summary = "Revenue and margin per customer or product over a period, "
            + "internal and external customers apart")
    public RevenueView revenue(@Parameter(description = "first day, 2026-12-01 (required)") @QueryParam("from") String from,
            @Parameter(description = "last day, inclusive (required)") @QueryParam("to") String to,
            @Parameter(description = "CUSTOMER (default) or PRODUCT") @QueryParam("groupBy") String groupBy) {
        LocalDate since = date("from", from);
        LocalDate until = date("to", to);
        if (until.isBefore(since)) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        RevenueReport.GroupBy by;
        try {
            by = groupBy == null || groupBy.isBlank() ? RevenueReport.GroupBy.CUSTOMER
                    : RevenueReport.GroupBy.valueOf(groupBy);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("groupBy", "must be one of " + List.of(RevenueReport.GroupBy.values()));
        }
        return report.of(since, until, by);
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(name, "is required");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be a date such as 2026-12-01");
        }
    }
}
