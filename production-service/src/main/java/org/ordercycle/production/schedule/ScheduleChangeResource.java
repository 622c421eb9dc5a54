package org.ordercycle.production.schedule;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ordercycle.kit.api.ProblemException;
import org.ordercycle.kit.api.QueryParams;

@Tag(name = "Schedule", description = "Every change of a planned completion, counted per month")
@Path("/schedule/changes")
public class ScheduleChangeResource {

    private final ScheduleChanges changes;

    ScheduleChangeResource(ScheduleChanges changes) {
        this.changes = changes;
    }

    @GET
    @RolesAllowed({"production", "admin", "sales", "sales-manager"})
    @Operation(operationId = "listScheduleChanges",
            summary = "Schedule changes (optionally of one month, ?month=2026-12, or one order, ?orderId=) and the count per month")
    public ScheduleChangeView list(@QueryParam("month") String month, @QueryParam("orderId") String orderId) {
        return changes.list(month == null ? null : parse(month),
                orderId == null ? null : QueryParams.requiredUuid("orderId", orderId));
    }

    private static YearMonth parse(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("month", "must be a month such as 2026-12");
        }
    }
}
