package org.ordercycle.kit.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Creating commands that may be retried safely: the same {@code Idempotency-Key} twice gives the same result once.
 *
 * <pre>{@code
 * @POST
 * public Response place(@Valid OrderRequest request, @HeaderParam(IdempotentCreates.HEADER) String key) {
 *     return idempotent.create(key, "POST /orders", request, () -> {
 *         OrderView order = orders.place(request);
 *         return new Created(URI.create("/orders/" + order.id()), order);
 *     });
 * }
 * }</pre>
 *
 * The key is recorded in the transaction that creates the resource: a failed command leaves no key behind, and a
 * concurrent retry with the same key waits for the first to finish and then gets its answer. A key is scoped to the
 * caller and the command; reusing it for a different request is a 422.
 */
@ApplicationScoped
public class IdempotentCreates {

    public static final String HEADER = "Idempotency-Key";
    /** Set on a response that replays the answer to an earlier request with the same key. */
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;

    /** What a create answers: 201 with the new resource's location and view. */
    public record Created(URI location, Object body) {
    }

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final SecurityIdentity caller;

    IdempotentCreates(AgroalDataSource dataSource, ObjectMapper json, SecurityIdentity caller) {
        this.dataSource = dataSource;
        this.json = json;
        this.caller = caller;
    }

    @Transactional
    public Response create(String key, String command, Object request, Supplier<Created> creation) {
        if (key == null) {
            return created(creation.get());
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.badRequest(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        String scope = command + " by " + (caller.isAnonymous() ? "anonymous" : caller.getPrincipal().getName());
        String fingerprint = fingerprint(request);
        try (Connection connection = dataSource.getConnection()) {
            if (claim(connection, scope, key, fingerprint)) {
                Created result = creation.get();
                String body = json.writeValueAsString(result.body());
                remember(connection, scope, key, result.location(), body);
                // The JSON just written is the answer: the view is not serialized a second time for the response.
                return Response.created(result.location()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
            }
            return replay(connection, scope, key, fingerprint);
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("idempotency record for key " + key + " failed", e);
        }
    }

    private static Response created(Created result) {
        return Response.created(result.location()).entity(result.body()).build();
    }

    private static boolean claim(Connection connection, String scope, String key, String fingerprint) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into kit_idempotency (scope, key, fingerprint) values (?, ?, ?)
                on conflict (scope, key) do nothing""")) {
            insert.setString(1, scope);
            insert.setString(2, key);
            insert.setString(3, fingerprint);
            return insert.executeUpdate() == 1;
        }
    }

    private static void remember(Connection connection, String scope, String key, URI location, String body)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update kit_idempotency set status = 201, location = ?, body = ? where scope = ? and key = ?")) {
            update.setString(1, location.toString());
            update.setString(2, body);
            update.setString(3, scope);
            update.setString(4, key);
            update.executeUpdate();
        }
    }

    private static Response replay(Connection connection, String scope, String key, String fingerprint)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select fingerprint, status, location, body from kit_idempotency where scope = ? and key = ?")) {
            query.setString(1, scope);
            query.setString(2, key);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("idempotency key " + key + " vanished");
                }
                if (!row.getString("fingerprint").equals(fingerprint)) {
                    throw ProblemException.unprocessable("Idempotency-Key reused",
                            "the Idempotency-Key " + key + " was already used for a different request");
                }
                return Response.status(row.getInt("status"))
                        .location(URI.create(row.getString("location")))
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(row.getString("body"))
                        .header(REPLAYED, "true")
                        .build();
            }
        }
    }

    private String fingerprint(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }
}
