package org.ordercycle.kit.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
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
import java.util.Optional;
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
 * The key is recorded with its answer, in one statement at the end of the transaction that creates the resource: a
 * failed command leaves no key behind. A request whose key was answered before, or is answered by a concurrent request
 * while it runs (its insert waits for that request's commit), gets that earlier answer and its own work is rolled
 * back; so does a request whose creation fails when its key was answered before (a retry that finds the name it
 * created taken). A key is scoped to the caller and the command; reusing it for a different request is a 422.
 * The happy path costs one statement: no row is claimed first and completed later.
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
    private final TransactionSynchronizationRegistry transactions;

    IdempotentCreates(AgroalDataSource dataSource, ObjectMapper json, SecurityIdentity caller,
            TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.json = json;
        this.caller = caller;
        this.transactions = transactions;
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
        Created result;
        try {
            result = creation.get();
        } catch (RuntimeException failure) {
            // Asked again after an answer (its resource now exists): that answer counts, not this attempt's failure.
            Optional<Response> earlier;
            try {
                earlier = QuarkusTransaction.suspendingExisting().call(() -> answered(scope, key, fingerprint));
            } catch (RuntimeException unreadable) {
                failure.addSuppressed(unreadable); // the database is gone too: the attempt's failure is the answer
                throw failure;
            }
            if (earlier.isEmpty()) {
                throw failure;
            }
            transactions.setRollbackOnly();
            return earlier.get();
        }
        try (Connection connection = dataSource.getConnection()) {
            String body = json.writeValueAsString(result.body());
            if (remember(connection, scope, key, fingerprint, result.location(), body)) {
                // The JSON just written is the answer: the view is not serialized a second time for the response.
                return Response.created(result.location()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
            }
            // Answered before, or by a concurrent request whose commit the insert waited for: its answer counts.
            transactions.setRollbackOnly();
            return replay(connection, scope, key, fingerprint)
                    .orElseThrow(() -> new IllegalStateException("idempotency key " + key + " vanished"));
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("idempotency record for key " + key + " failed", e);
        }
    }

    private static Response created(Created result) {
        return Response.created(result.location()).entity(result.body()).build();
    }

    /** Inserts the key with its answer; false when the key is taken (after waiting for a concurrent insert's commit). */
    private static boolean remember(Connection connection, String scope, String key, String fingerprint, URI location,
            String body) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into kit_idempotency (scope, key, fingerprint, status, location, body)
                values (?, ?, ?, 201, ?, ?)
                on conflict (scope, key) do nothing""")) {
            insert.setString(1, scope);
            insert.setString(2, key);
            insert.setString(3, fingerprint);
            insert.setString(4, location.toString());
            insert.setString(5, body);
            return insert.executeUpdate() == 1;
        }
    }

    /** The answer given earlier under the key, read outside the caller's (failed) transaction; empty when none. */
    private Optional<Response> answered(String scope, String key, String fingerprint) {
        try (Connection connection = dataSource.getConnection()) {
            return replay(connection, scope, key, fingerprint);
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency record for key " + key + " unreadable", e);
        }
    }

    private static Optional<Response> replay(Connection connection, String scope, String key, String fingerprint)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select fingerprint, status, location, body from kit_idempotency where scope = ? and key = ?")) {
            query.setString(1, scope);
            query.setString(2, key);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                if (!row.getString("fingerprint").equals(fingerprint)) {
                    throw ProblemException.unprocessable("Idempotency-Key reused",
                            "the Idempotency-Key " + key + " was already used for a different request");
                }
                return Optional.of(Response.status(row.getInt("status"))
                        .location(URI.create(row.getString("location")))
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(row.getString("body"))
                        .header(REPLAYED, "true")
                        .build());
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
