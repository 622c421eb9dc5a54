package org.ordercycle.kit.replay;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ordercycle.kit.api.ProblemException;

/** Replays of a topic for handlers that are new or were fixed; see {@link Replays}. */
@Path("/admin/replays")
@RolesAllowed("admin")
@Tag(name = "Operations", description = "Dead letters, replays and the outbox, for operators")
public class ReplayResource {

    /** A replay to start: the topic, and the handlers (ids or bean class names) it delivers to. */
    public record ReplayRequest(@NotBlank String topic, @NotEmpty List<@NotBlank String> handlers) {
    }

    private final Replays replays;

    ReplayResource(Replays replays) {
        this.replays = replays;
    }

    @POST
    @Operation(operationId = "startReplay", summary = "Replay a topic from its earliest record for named handlers",
            description = "Reads up to the end offsets at its start with a consumer group of its own and delivers "
                    + "only to the named handlers, through their inbox. Answers 202 with the replay to follow.")
    public Response start(@Valid @NotNull ReplayRequest request, @Context SecurityContext caller) {
        Replay.View replay = replays.start(request.topic(), request.handlers(), caller.getUserPrincipal().getName());
        return Response.accepted(replay).location(URI.create("/admin/replays/" + replay.id())).build();
    }

    @GET
    @Operation(operationId = "listReplays", summary = "The replays since the service started, newest first")
    public List<Replay.View> list() {
        return replays.list();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getReplay", summary = "A replay's progress: records read, applied, duplicates")
    public Replay.View find(@PathParam("id") UUID id) {
        return replays.find(id).orElseThrow(() -> ProblemException.notFound("replay", id));
    }
}
