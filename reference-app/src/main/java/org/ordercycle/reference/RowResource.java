package org.ordercycle.reference;

import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * {@code POST /rows}: persists one row (committed), then sends one record keyed by the row's id and waits for the
 * broker's acknowledgement before answering 201. The least a request that changes state and tells others about it
 * can cost on this stack: the ceiling {@code POST /orders} is compared to.
 */
@Path("/rows")
public class RowResource {

    public record RowRequest(String payload) {
    }

    public record RowView(String id) {
    }

    @Inject
    RowService rows;

    @Inject
    @Channel("rows")
    Emitter<Record<String, String>> emitter;

    @POST
    public Response create(RowRequest request) throws Exception {
        String payload = request == null || request.payload() == null ? "" : request.payload();
        ReferenceRow row = rows.persist(payload);
        String id = row.id.toString();
        emitter.send(Record.of(id, "{\"id\":\"" + id + "\",\"payload\":" + quote(payload) + "}"))
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        return Response.created(URI.create("/rows/" + id)).entity(new RowView(id)).build();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
