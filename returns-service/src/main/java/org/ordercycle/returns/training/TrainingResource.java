package org.ordercycle.returns.training;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Training", description = "Technicians' training records: who may take which kind of ticket")
@Path("/technicians/{id}/trainings")
public class TrainingResource {

    private final TrainingService trainings;

    TrainingResource(TrainingService trainings) {
        this.trainings = trainings;
    }

    @POST
    @RolesAllowed({"service", "admin"})
    @Operation(operationId = "recordTraining", summary = "Record a training of a technician (user name) for a ticket type",
            description = "What, when completed (today or before) and valid until (not before completion; 422).")
    public Response record(@PathParam("id") String technician, @Valid @NotNull TrainingRequest request,
            @Context SecurityContext caller) {
        TrainingView recorded = trainings.record(technician, request, caller.getUserPrincipal().getName());
        return Response.created(UriBuilder.fromPath("/technicians/{id}/trainings").build(technician)).entity(recorded)
                .build();
    }

    @GET
    @RolesAllowed({"service", "admin"})
    @Operation(operationId = "listTrainings", summary = "A technician's training records, latest first")
    public List<TrainingView> list(@PathParam("id") String technician) {
        return trainings.of(technician);
    }
}
