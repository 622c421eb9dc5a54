package org.ordercycle.contact.timeline;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ordercycle.contact.organization.OrganizationService;
import org.ordercycle.kit.api.ProblemException;

@Tag(name = "Timeline", description = "What happened with each customer, as every department reports it")
@Path("/organizations/{id}/timeline")
public class TimelineResource {

    private final OrganizationService organizations;

    TimelineResource(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @RolesAllowed({"crm", "sales", "sales-manager", "service", "admin"})
    @Operation(operationId = "getCustomerTimeline", summary = "What happened with the customer, oldest first: orders as sales reports them")
    public List<TimelineEntryView> timeline(@PathParam("id") UUID id) {
        if (organizations.find(id).isEmpty()) {
            throw ProblemException.notFound("organization", id);
        }
        return TimelineEntry.of(id).stream().map(TimelineEntryView::from).toList();
    }
}
