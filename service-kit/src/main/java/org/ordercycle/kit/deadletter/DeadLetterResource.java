package org.ordercycle.kit.deadletter;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ordercycle.kit.deadletter.DeadLetterService.Replayed;

/** The service's own dead letters, for an operator: list, replay, resolve. */
@Path("/admin/dead-letters")
@RolesAllowed("admin")
@Tag(name = "Operations", description = "Dead letters, replays and the outbox, for operators")
public class DeadLetterResource {

    /** A dead letter as an operator sees it. */
    public record DeadLetterView(UUID id, String topic, int partition, long offset, String key, String eventType,
            UUID eventId, String handler, String reason, String exception, int attempts, Instant createdAt,
            String status, Instant resolvedAt, String resolvedBy, Map<String, String> headers, String payload) {

        static DeadLetterView of(DeadLetter d) {
            return new DeadLetterView(d.id(), d.topic(), d.partition(), d.offset(), d.key(), d.eventType(), d.eventId(),
                    d.handler(), d.reason(), d.exception(), d.attempts(), d.createdAt(),
                    d.resolved() ? d.resolution() : "UNRESOLVED", d.resolvedAt(), d.resolvedBy(), d.headers(),
                    d.payload());
        }
    }

    private final DeadLetterService deadLetters;

    DeadLetterResource(DeadLetterService deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GET
    @Operation(operationId = "listDeadLetters", summary = "This service's dead letters, newest first",
            description = "Unresolved ones unless all=true; only those of one topic with topic=…")
    public List<DeadLetterView> list(@QueryParam("topic") String topic, @QueryParam("all") boolean all,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return deadLetters.list(topic, all, limit).stream().map(DeadLetterView::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getDeadLetter", summary = "One dead letter with its record, headers and exception")
    public DeadLetterView find(@PathParam("id") UUID id) {
        return DeadLetterView.of(deadLetters.find(id));
    }

    @POST
    @Path("{id}/replay")
    @Operation(operationId = "replayDeadLetter", summary = "Deliver a dead letter again to the handler that failed",
            description = "Through the inbox: never applied twice. Applied means resolved; a failure says why and "
                    + "leaves it unresolved.")
    public Replayed replay(@PathParam("id") UUID id, @Context SecurityContext caller) {
        return deadLetters.replay(id, caller.getUserPrincipal().getName());
    }

    @POST
    @Path("replay")
    @Operation(operationId = "replayDeadLettersOfTopic", summary = "Replay every unresolved dead letter of a topic")
    public List<Replayed> replayTopic(@QueryParam("topic") @NotBlank String topic, @Context SecurityContext caller) {
        return deadLetters.replayTopic(topic, caller.getUserPrincipal().getName());
    }

    @POST
    @Path("{id}/resolve")
    @Operation(operationId = "resolveDeadLetter", summary = "Mark a dead letter as handled without replaying it")
    public DeadLetterView resolve(@PathParam("id") UUID id, @Context SecurityContext caller) {
        return DeadLetterView.of(deadLetters.resolve(id, caller.getUserPrincipal().getName()));
    }
}
