package org.ordercycle.contact.erasure;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Erasure", description = "The right to erasure: a person's personal data anonymized, business records kept")
@Path("/persons/{id}/erasure")
public class ErasureResource {

    private final ErasureService erasures;

    ErasureResource(ErasureService erasures) {
        this.erasures = erasures;
    }

    @POST
    @RolesAllowed({"crm", "admin"})
    @Operation(operationId = "erasePerson", summary = "Erase a person's personal data (name, contact mechanisms)",
            description = "Publishes CustomerErased for a customer and scrubs the sent snapshots from the outbox; "
                    + "orders, invoices, employments, interactions and the timeline stay. Repeating it changes nothing.")
    public ErasureView erase(@PathParam("id") UUID id) {
        return erasures.erase(id);
    }
}
