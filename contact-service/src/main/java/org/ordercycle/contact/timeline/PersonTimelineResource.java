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
@Path("/persons/{id}/timeline")
public class PersonTimelineResource {

    private final TimelineService timeline;

    PersonTimelineResource(TimelineService timeline) {
        this.timeline = timeline;
    }

    @GET
    @RolesAllowed({"crm", "sales", "sales-manager", "service", "admin"})
    @Operation(operationId = "getPersonTimeline",
            summary = "The person's interactions and, for a private customer, every step of their orders, oldest first")
    public List<TimelineEntryView> personTimeline(@PathParam("id") UUID id) {
        return timeline.timeline(id, "person");
    }
}
