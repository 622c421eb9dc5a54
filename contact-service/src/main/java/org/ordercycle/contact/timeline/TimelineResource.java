package org.ordercycle.contact.timeline;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Timeline", description = "What happened with each customer, as every department reports it")
@Path("/organizations/{id}/timeline")
public class TimelineResource {

    private final TimelineService timeline;

    TimelineResource(TimelineService timeline) {
        this.timeline = timeline;
    }

    @GET
    @RolesAllowed({"crm", "sales", "sales-manager", "service", "admin"})
    @Operation(operationId = "getCustomerTimeline",
            summary = "Every step of the customer's orders, quotes, dunning, service and interactions, oldest first, with department and who acted",
            description = "Steps use the order cycle's codes (ORDER_PLACED … REFUND_PAID), the same as sales' order timeline.")
    public List<TimelineEntryView> timeline(@PathParam("id") UUID id) {
        return timeline.timeline(id, "organization");
    }
}
