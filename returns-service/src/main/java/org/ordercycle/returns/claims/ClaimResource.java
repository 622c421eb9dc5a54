package org.ordercycle.returns.claims;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ordercycle.kit.api.IdempotentCreates;
import org.ordercycle.returns.returncase.ReturnView;

@Tag(name = "Claims", description = "Claims without goods: late delivery, missing part, service not as agreed")
@Path("/claims")
public class ClaimResource {

    private final ClaimService claims;
    private final IdempotentCreates idempotent;

    ClaimResource(ClaimService claims, IdempotentCreates idempotent) {
        this.claims = claims;
        this.idempotent = idempotent;
    }

    @POST
    @RolesAllowed({"returns", "admin"})
    @Operation(operationId = "fileClaim", summary = "File a claim without goods for an amount",
            description = "201 with the case (kind CLAIM), Location /returns/{id}. Publishes ReturnRequested (no "
                    + "lines); within the window and up to the automatic value also ReturnAuthorized and "
                    + "RefundRequested (empty lines, the amount), else it waits for a person. 422 when the amount "
                    + "exceeds the order's invoiced gross minus refunds already requested, or the order is unknown.")
    public Response file(@Valid @NotNull ClaimRequest request,
            @Parameter(description = "Send the same key again to retry safely: the claim is filed once.")
            @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey,
            @Context SecurityContext caller) {
        return idempotent.create(idempotencyKey, "POST /claims", request, () -> {
            ReturnView created = claims.claim(request, caller.getUserPrincipal().getName());
            return new IdempotentCreates.Created(URI.create("/returns/" + created.id()), created);
        });
    }
}
